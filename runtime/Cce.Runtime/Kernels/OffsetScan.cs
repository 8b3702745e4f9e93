using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Algorithms.ScanReduceOperations;

namespace Cce.Kernels;

/// <summary>
/// The sorted dW pass's exclusive scan of per-item pair counts into segment offsets, which also leaves the offsets in
/// the counts as the fill's cursors: three small launches (sum each block of <see cref="BlockItems"/> counts, scan the
/// block sums in one group, then scan within each block from its start). A device-wide scan would copy the offsets
/// into the cursors afterwards; here the last launch writes both.
/// </summary>
public static class OffsetScan
{
    /// <summary>Threads per group of every launch.</summary>
    public const int Threads = 256;

    /// <summary>Counts each thread reads.</summary>
    public const int PerThread = 4;

    /// <summary>Counts per block: one group's share.</summary>
    public const int BlockItems = Threads * PerThread;

    /// <summary>Blocks of <paramref name="length"/> counts: the length of the block sums.</summary>
    public static int Blocks(int length) => (length + BlockItems - 1) / BlockItems;

    /// <summary>One group per block: <paramref name="sums"/>[block] = the sum of the block's counts.</summary>
    public static void SumBlocks(ArrayView<int> counts, int length, ArrayView<int> sums)
    {
        int start = (Grid.IdxX * BlockItems) + (Group.IdxX * PerThread);
        int total = 0;
        for (int i = 0; i < PerThread; i++)
        {
            if (start + i < length)
            {
                total += counts[start + i];
            }
        }

        int blockTotal = GroupExtensions.Reduce<int, AddInt32>(total);
        if (Group.IsFirstThread)
        {
            sums[Grid.IdxX] = blockTotal;
        }
    }

    /// <summary>One group: <paramref name="sums"/> becomes its own exclusive prefix sums, a group-wide tile at a time.</summary>
    public static void ScanBlocks(ArrayView<int> sums, int blocks)
    {
        int carry = 0;
        for (int tile = 0; tile < blocks; tile += Threads)
        {
            int at = tile + Group.IdxX;
            int value = at < blocks ? sums[at] : 0;
            int prefix = GroupExtensions.ExclusiveScan<int, AddInt32>(value);
            int tileTotal = GroupExtensions.AllReduce<int, AddInt32>(value);
            if (at < blocks)
            {
                sums[at] = carry + prefix;
            }

            carry += tileTotal;
            Group.Barrier();
        }
    }

    /// <summary>
    /// One group per block: offsets[v] = counts[v] = the pairs of all items before v, from the block's start in
    /// <paramref name="sums"/>; offsets[length] = all pairs.
    /// </summary>
    public static void Apply(ArrayView<int> counts, ArrayView<int> offsets, ArrayView<int> sums, int length)
    {
        int start = (Grid.IdxX * BlockItems) + (Group.IdxX * PerThread);
        int c0 = start < length ? counts[start] : 0;
        int c1 = start + 1 < length ? counts[start + 1] : 0;
        int c2 = start + 2 < length ? counts[start + 2] : 0;
        int c3 = start + 3 < length ? counts[start + 3] : 0;
        int running = sums[Grid.IdxX] + GroupExtensions.ExclusiveScan<int, AddInt32>(c0 + c1 + c2 + c3);
        Write(counts, offsets, start, length, ref running, c0);
        Write(counts, offsets, start + 1, length, ref running, c1);
        Write(counts, offsets, start + 2, length, ref running, c2);
        Write(counts, offsets, start + 3, length, ref running, c3);
    }

    private static void Write(ArrayView<int> counts, ArrayView<int> offsets, int at, int length, ref int running, int count)
    {
        if (at < length)
        {
            offsets[at] = running;
            counts[at] = running;
            running += count;
            if (at == length - 1)
            {
                offsets[length] = running;
            }
        }
    }
}
