using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// Builds the alias table that <see cref="AliasSampler"/> draws from, on the device, in O(V) work and integer
/// arithmetic, from item counts c_j and an exponent α: the sampled distribution is q_j = w_j / W with
/// w_j = (c_j / max c)^α and W = Σ w_j.
/// </summary>
/// <remarks>
/// <para>
/// The items are cut into segments of <see cref="SegmentItems"/>; the segment kernels run one thread per segment
/// that walks its items in order, and the few global steps run on one thread that walks the segments in order.
/// Every sum therefore has a fixed order: the same counts give the same table on every run and every accelerator
/// whose double arithmetic agrees (no float atomics, no launch-shape dependence).
/// </para>
/// <para>The launches, in order (one stream):</para>
/// <list type="number">
/// <item><see cref="Validate"/>: the first count that is negative, NaN or infinite, and the largest count.</item>
/// <item><see cref="Weigh"/>: the weights w_j, per-segment compensated sums and heaviest items.</item>
/// <item><see cref="Total"/>: W as an ordered compensated sum, and the heaviest item (lowest index on ties).</item>
/// <item><see cref="Measure"/>: q_j, log q_j and the integer masses m_j = ⌊(q_j · V) · 2^31⌋.</item>
/// <item><see cref="Classify"/>: per segment, the mass, the light (m &lt; 2^31) and heavy items and their deficits and excesses.</item>
/// <item><see cref="Settle"/>: R = V · 2^31 − Σ m goes to the heaviest item, so Σ m = V · 2^31 exactly; then exclusive scans of the segment figures.</item>
/// <item><see cref="Compact"/>: the light and heavy lists in item order with the prefix sums D_i of deficits and E_k of excesses.</item>
/// <item><see cref="Pair"/>: the table.</item>
/// </list>
/// <para>
/// <see cref="Pair"/> computes, in parallel, the table of the classic sequential sweep (lights and heavies each in
/// item order; the current heavy serves lights while its residual exceeds one bucket, then its own bucket takes
/// the overshoot from the next heavy). Light i keeps its own item with threshold m_i and aliases the heavy k with
/// E_k ≤ D_i &lt; E_{k+1}. Heavy k has served a_k = #{i : D_i &lt; E_{k+1}} lights, overshooting by
/// o_k = D_{a_k} − E_{k+1} ∈ [0, 2^31); it keeps threshold 2^31 − o_k and aliases heavy k + 1 (the last heavy keeps
/// its whole bucket). Heavy k's total is then (2^31 − o_k) + (D_{a_k} − D_{a_{k−1}}) + o_{k−1} = 2^31 + ε_k = m_k,
/// so every item gets exactly its mass, and an item of mass 0 is never drawn.
/// </para>
/// <para>
/// Each item's probability under the table is m_j / (V · 2^31): q_j rounded down to a multiple of 2^-31 / V, the
/// heaviest item taking the remainder (fewer than V units). Weights are scaled by the largest count so that c^α
/// stays finite for any finite α; an item whose relative weight underflows double gets q = 0.
/// </para>
/// </remarks>
public static class AliasTableKernels
{
    /// <summary>Items per segment: each segment kernel thread walks this many items.</summary>
    public const int SegmentItems = 256;

    /// <summary>One bucket in mass units (the acceptance threshold's scale).</summary>
    public const long Unit = AliasSampler.BucketUnits;

    /// <summary>Slots of the int status buffer; <see cref="StatusInvalidItem"/> starts at int.MaxValue, the others at 0.</summary>
    public const int StatusInvalidItem = 0, StatusLargestCount = 1, StatusHeaviestItem = 2, StatusLights = 3, StatusHeavies = 4, StatusLength = 5;

    /// <summary>Fields of one segment in the long segment buffer (<see cref="SegmentFields"/> per segment).</summary>
    public const int SegmentMass = 0, SegmentLights = 1, SegmentHeavies = 2, SegmentDeficit = 3, SegmentExcess = 4, SegmentFields = 5;

    /// <summary>Number of segments of a catalog of <paramref name="catalog"/> items.</summary>
    public static int Segments(int catalog) => (int)(((long)catalog + SegmentItems - 1) / SegmentItems);

    /// <summary>
    /// One thread per segment: records the first item whose count is negative, NaN or infinite (atomic minimum
    /// into <see cref="StatusInvalidItem"/>) and the largest count (atomic maximum of its bits, which order
    /// non-negative floats, into <see cref="StatusLargestCount"/>).
    /// </summary>
    public static void Validate(Index1D segment, ArrayView<float> counts, int catalog, ArrayView<int> status)
    {
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        int largest = 0;
        for (int j = start; j < end; j++)
        {
            float count = counts[j];

            // !(count >= 0) holds for NaN as well as for negative counts; -0 passes and weighs as 0.
            if (!(count >= 0f) || count == float.PositiveInfinity)
            {
                Atomic.Min(ref status[StatusInvalidItem], j);
                break;
            }

            int bits = (int)Interop.FloatAsInt(count);
            largest = bits > largest ? bits : largest;
        }

        Atomic.Max(ref status[StatusLargestCount], largest);
    }

    /// <summary>
    /// The weight (c / <paramref name="largest"/>)^α of one count: 1 for α = 0 (zero counts included: 0^0 = 1, so
    /// α = 0 is uniform over the whole catalog), 0 for a zero count otherwise, and exactly c / largest for α = 1.
    /// </summary>
    public static double Weight(float count, float largest, double exponent)
    {
        if (exponent == 0.0)
        {
            return 1.0;
        }

        if (count <= 0f)
        {
            return 0.0;
        }

        double ratio = count / (double)largest;
        return exponent == 1.0 ? ratio : Math.Pow(ratio, exponent);
    }

    /// <summary>
    /// One thread per segment: writes the weights, the segment's Neumaier-compensated sum (sum, compensation at
    /// [2s], [2s + 1]) and its heaviest item (lowest index on ties).
    /// </summary>
    public static void Weigh(
        Index1D segment, ArrayView<float> counts, int catalog, double exponent, ArrayView<int> status,
        ArrayView<double> weights, ArrayView<double> segmentSums, ArrayView<int> segmentHeaviest)
    {
        float largest = Interop.IntAsFloat((uint)status[StatusLargestCount]);
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        double sum = 0.0;
        double compensation = 0.0;
        double best = -1.0;
        int heaviest = start;
        for (int j = start; j < end; j++)
        {
            double weight = Weight(counts[j], largest, exponent);
            weights[j] = weight;

            // Neumaier's step: both terms are non-negative, so the larger one is known without Abs.
            double next = sum + weight;
            compensation += sum >= weight ? (sum - next) + weight : (weight - next) + sum;
            sum = next;
            if (weight > best)
            {
                best = weight;
                heaviest = j;
            }
        }

        segmentSums[2 * segment.X] = sum;
        segmentSums[(2 * segment.X) + 1] = compensation;
        segmentHeaviest[segment] = heaviest;
    }

    /// <summary>
    /// One thread: W = the compensated sum of the segment sums in segment order (into <paramref name="total"/>[0])
    /// and the heaviest item of the catalog, lowest index on ties (into <see cref="StatusHeaviestItem"/>).
    /// </summary>
    public static void Total(
        Index1D index, ArrayView<double> weights, ArrayView<double> segmentSums, ArrayView<int> segmentHeaviest, int segments,
        ArrayView<double> total, ArrayView<int> status)
    {
        double sum = 0.0;
        double compensation = 0.0;
        double best = -1.0;
        int heaviest = 0;
        for (int s = 0; s < segments; s++)
        {
            double part = segmentSums[2 * s];
            double next = sum + part;
            compensation += sum >= part ? (sum - next) + part : (part - next) + sum;
            compensation += segmentSums[(2 * s) + 1];
            sum = next;

            int item = segmentHeaviest[s];
            double weight = weights[item];
            if (weight > best)
            {
                best = weight;
                heaviest = item;
            }
        }

        total[0] = sum + compensation;
        status[StatusHeaviestItem] = heaviest;
    }

    /// <summary>
    /// One thread per segment: turns the weights in <paramref name="probability"/> into q_j = w_j / W in place,
    /// writes log q_j in fp32 (−∞ for q_j = 0) and the mass m_j = ⌊x · 2^31⌋ with x = q_j · V in double.
    /// </summary>
    public static void Measure(
        Index1D segment, int catalog, ArrayView<double> total, ArrayView<double> probability, ArrayView<float> logProbability, ArrayView<long> mass)
    {
        double weightSum = total[0];
        double items = catalog;
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        for (int j = start; j < end; j++)
        {
            double q = probability[j] / weightSum;
            probability[j] = q;
            logProbability[j] = q > 0.0 ? (float)Math.Log(q) : float.NegativeInfinity;

            // x · 2^31 is exact (a power of two), and the truncation of a non-negative value is its floor.
            double x = q * items;
            mass[j] = (long)(x * Unit);
        }
    }

    /// <summary>
    /// One thread per segment: the segment's total mass, its numbers of light (m &lt; 2^31) and heavy items, and
    /// the sums of their deficits 2^31 − m and excesses m − 2^31, at <see cref="SegmentFields"/>·s + field.
    /// </summary>
    public static void Classify(Index1D segment, ArrayView<long> mass, int catalog, ArrayView<long> segmentStats)
    {
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        long massSum = 0, lights = 0, heavies = 0, deficit = 0, excess = 0;
        for (int j = start; j < end; j++)
        {
            long m = mass[j];
            massSum += m;
            if (m < Unit)
            {
                lights++;
                deficit += Unit - m;
            }
            else
            {
                heavies++;
                excess += m - Unit;
            }
        }

        int at = SegmentFields * segment.X;
        segmentStats[at + SegmentMass] = massSum;
        segmentStats[at + SegmentLights] = lights;
        segmentStats[at + SegmentHeavies] = heavies;
        segmentStats[at + SegmentDeficit] = deficit;
        segmentStats[at + SegmentExcess] = excess;
    }

    /// <summary>
    /// One thread: adds R = V · 2^31 − Σ m to the heaviest item (and re-classifies it in its segment's figures),
    /// then replaces the segment figures by their exclusive prefix sums in segment order, stores the numbers of
    /// lights L and heavies H in the status and the totals D_L and E_H at <paramref name="prefix"/>[L] and [L + 1 + H].
    /// </summary>
    /// <remarks>
    /// R is small: each floor loses less than one unit and the double rounding of q · V adds a few ulps of each
    /// mass, so |R| is far below the heaviest item's mass (at least about one bucket, since its q is at least 1 / V).
    /// </remarks>
    public static void Settle(Index1D index, ArrayView<long> mass, int catalog, ArrayView<long> segmentStats, ArrayView<int> status, ArrayView<long> prefix)
    {
        int segments = Segments(catalog);
        long massSum = 0;
        for (int s = 0; s < segments; s++)
        {
            massSum += segmentStats[(SegmentFields * s) + SegmentMass];
        }

        int heaviest = status[StatusHeaviestItem];
        long before = mass[heaviest];
        long after = before + ((catalog * Unit) - massSum);
        mass[heaviest] = after;
        int at = SegmentFields * (heaviest / SegmentItems);
        if (before < Unit)
        {
            segmentStats[at + SegmentLights]--;
            segmentStats[at + SegmentDeficit] -= Unit - before;
        }
        else
        {
            segmentStats[at + SegmentHeavies]--;
            segmentStats[at + SegmentExcess] -= before - Unit;
        }

        if (after < Unit)
        {
            segmentStats[at + SegmentLights]++;
            segmentStats[at + SegmentDeficit] += Unit - after;
        }
        else
        {
            segmentStats[at + SegmentHeavies]++;
            segmentStats[at + SegmentExcess] += after - Unit;
        }

        long lights = 0, heavies = 0, deficit = 0, excess = 0;
        for (int s = 0; s < segments; s++)
        {
            int field = SegmentFields * s;
            long segmentLights = segmentStats[field + SegmentLights];
            long segmentHeavies = segmentStats[field + SegmentHeavies];
            long segmentDeficit = segmentStats[field + SegmentDeficit];
            long segmentExcess = segmentStats[field + SegmentExcess];
            segmentStats[field + SegmentLights] = lights;
            segmentStats[field + SegmentHeavies] = heavies;
            segmentStats[field + SegmentDeficit] = deficit;
            segmentStats[field + SegmentExcess] = excess;
            lights += segmentLights;
            heavies += segmentHeavies;
            deficit += segmentDeficit;
            excess += segmentExcess;
        }

        status[StatusLights] = (int)lights;
        status[StatusHeavies] = (int)heavies;
        prefix[lights] = deficit;
        prefix[lights + 1 + heavies] = excess;
    }

    /// <summary>
    /// One thread per segment: writes the segment's lights (in item order) to <paramref name="items"/>[i] with
    /// D_i at <paramref name="prefix"/>[i], and its heavies to <paramref name="items"/>[L + k] with E_k at
    /// <paramref name="prefix"/>[L + 1 + k], starting from the segment's exclusive offsets.
    /// </summary>
    public static void Compact(
        Index1D segment, ArrayView<long> mass, int catalog, ArrayView<long> segmentStats, ArrayView<int> status, ArrayView<int> items, ArrayView<long> prefix)
    {
        int lightCount = status[StatusLights];
        int field = SegmentFields * segment.X;
        int light = (int)segmentStats[field + SegmentLights];
        int heavy = (int)segmentStats[field + SegmentHeavies];
        long deficit = segmentStats[field + SegmentDeficit];
        long excess = segmentStats[field + SegmentExcess];
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        for (int j = start; j < end; j++)
        {
            long m = mass[j];
            if (m < Unit)
            {
                items[light] = j;
                prefix[light] = deficit;
                deficit += Unit - m;
                light++;
            }
            else
            {
                items[lightCount + heavy] = j;
                prefix[lightCount + 1 + heavy] = excess;
                excess += m - Unit;
                heavy++;
            }
        }
    }

    /// <summary>
    /// One thread per segment of list positions p: light p (p &lt; L) or heavy p − L writes its own bucket of
    /// <paramref name="table"/> as the class remarks describe, each with one binary search.
    /// </summary>
    public static void Pair(
        Index1D segment, ArrayView<long> mass, int catalog, ArrayView<int> status, ArrayView<int> items, ArrayView<long> prefix, ArrayView<int> table)
    {
        int lights = status[StatusLights];
        int heavies = status[StatusHeavies];
        int start = segment.X * SegmentItems;
        int end = Math.Min(start + SegmentItems, catalog);
        for (int p = start; p < end; p++)
        {
            if (p < lights)
            {
                int item = items[p];
                long deficitStart = prefix[p];

                // The last heavy k with E_k <= D_p; E_0 = 0 and D_p < E_H, so it exists and E_{k+1} > D_p.
                int low = 0;
                int high = heavies - 1;
                while (low < high)
                {
                    int middle = (low + high + 1) >> 1;
                    if (prefix[lights + 1 + middle] <= deficitStart)
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle - 1;
                    }
                }

                table[2 * item] = (int)mass[item];
                table[(2 * item) + 1] = items[lights + low];
            }
            else
            {
                int k = p - lights;
                int item = items[p];
                long excessEnd = prefix[lights + 2 + k];

                // a_k: the first light i with D_i >= E_{k+1}; D_L = E_H >= E_{k+1} bounds the search.
                int low = 0;
                int high = lights;
                while (low < high)
                {
                    int middle = (low + high) >> 1;
                    if (prefix[middle] < excessEnd)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                long overshoot = prefix[low] - excessEnd;

                // 2^31 − o_k is in (0, 2^31]: 2^31 itself wraps to int.MinValue, read back as an unsigned word.
                table[2 * item] = unchecked((int)(Unit - overshoot));
                table[(2 * item) + 1] = k + 1 < heavies ? items[p + 1] : item;
            }
        }
    }
}
