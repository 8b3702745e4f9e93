using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// Profiling markers between the stages of one call on one stream; read after the stream has finished. Only made when
/// a loss records stages: the markers cost a little, and every stage then ends in a marker.
/// </summary>
internal sealed class StageClock
{
    private readonly List<(string Stage, ProfilingMarker Marker)> marks = new();
    private readonly ProfilingMarker start;

    public StageClock(AcceleratorStream stream) => start = stream.AddProfilingMarker();

    /// <summary>Records that everything queued on <paramref name="stream"/> since the last mark belongs to <paramref name="stage"/>.</summary>
    public void Mark(AcceleratorStream stream, string stage) => marks.Add((stage, stream.AddProfilingMarker()));

    /// <summary>The stages' times, summed by name in order of first appearance; the stream must have finished.</summary>
    public IReadOnlyList<StageTime> Read()
    {
        var totals = new List<StageTime>();
        ProfilingMarker previous = start;
        foreach ((string stage, ProfilingMarker marker) in marks)
        {
            double milliseconds = marker.MeasureFrom(previous).TotalMilliseconds;
            int index = totals.FindIndex(t => t.Stage == stage);
            if (index < 0)
            {
                totals.Add(new StageTime(stage, milliseconds));
            }
            else
            {
                totals[index] = totals[index] with { Milliseconds = totals[index].Milliseconds + milliseconds };
            }

            previous = marker;
        }

        start.Dispose();
        foreach ((_, ProfilingMarker marker) in marks)
        {
            marker.Dispose();
        }

        return totals;
    }
}
