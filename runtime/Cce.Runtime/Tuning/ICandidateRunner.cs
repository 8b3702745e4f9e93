namespace Cce.Tuning;

/// <summary>
/// Runs the candidates of one tuning: what the tuner needs from a device, behind an interface so the
/// selection logic can be exercised with scripted timings and failures.
/// </summary>
internal interface ICandidateRunner : IDisposable
{
    /// <summary>Compiles and loads candidate <paramref name="candidate"/>; throws when it cannot.</summary>
    void Load(int candidate);

    /// <summary>Runs a loaded candidate on the tuning inputs and compares it with the reference.</summary>
    /// <returns>Null when it agrees; otherwise what disagreed.</returns>
    string? Check(int candidate);

    /// <summary>
    /// Launches a loaded candidate <paramref name="warmups"/> times untimed, then <paramref name="repetitions"/>
    /// times, each timed alone.
    /// </summary>
    /// <returns>The time of each timed launch in milliseconds.</returns>
    IReadOnlyList<double> Time(int candidate, int warmups, int repetitions);
}
