namespace Cce;

/// <summary>
/// Numbers the calls of one loss object that overwrite its result buffers (per-row loss and log-sum-exp), so that
/// a result read after a later call has replaced it is refused with the story of what happened instead of silently
/// returning the later call's numbers — the gradient-accumulation pattern <c>r1 = Forward(a); Forward(b);
/// Backward(a, r1.Lse)</c> would otherwise run on b's log-sum-exp.
/// </summary>
internal sealed class ResultStamps
{
    private readonly object gate = new();
    private long current;
    private LossOperation currentOperation;
    private bool closed;

    /// <summary>Records that <paramref name="operation"/> is about to overwrite the result buffers; earlier results become stale.</summary>
    public void Overwrite(LossOperation operation)
    {
        lock (gate)
        {
            current++;
            currentOperation = operation;
        }
    }

    /// <summary>A stamp for the result of the latest overwrite.</summary>
    public ResultStamp Latest()
    {
        lock (gate)
        {
            return new ResultStamp(this, current, currentOperation);
        }
    }

    /// <summary>The loss object was disposed: every result is stale.</summary>
    public void Close()
    {
        lock (gate)
        {
            closed = true;
        }
    }

    /// <summary>Null while call <paramref name="call"/> is the latest; else why its result is gone.</summary>
    public string? StaleReason(long call, LossOperation operation)
    {
        lock (gate)
        {
            if (closed)
            {
                return $"it is the result of call {call} ({operation}) of a loss object that was disposed since.";
            }

            return call == current
                ? null
                : $"it holds the result of call {call} ({operation}) of its loss object, which call {current} ({currentOperation}) has overwritten since. "
                  + "Keep a result past the next call with Clone(), or use one loss object per micro-batch in flight.";
        }
    }
}

/// <summary>Which call of which loss object a result tensor belongs to.</summary>
internal sealed class ResultStamp(ResultStamps calls, long call, LossOperation operation)
{
    /// <summary>Null while the result is current; else why it may no longer be read.</summary>
    public string? StaleReason => calls.StaleReason(call, operation);
}
