using Cce.Tuning.Cache;
using Cce.Tuning;

namespace Cce;

/// <summary>
/// How generated losses choose their kernels per shape. <see cref="FromEnvironment"/> gives what the generated
/// <c>Create(device)</c> uses; pass other options to <see cref="LossFactory.Create{TLoss}(CceDevice, TuningOptions)"/>
/// or <see cref="LossTuner"/>.
/// </summary>
public sealed record TuningOptions
{
    /// <summary><c>auto</c> (default), <c>off</c> or <c>force</c>: see <see cref="TunePolicy"/>.</summary>
    public const string PolicyVariable = "CCE_TUNE";

    /// <summary><c>1</c> prints each tuning's progress and result, and each cache hit, to standard error.</summary>
    public const string LogVariable = "CCE_TUNE_LOG";

    /// <summary>A file to which every (loss, N, V) met is appended, for <c>cce tune --plan</c>.</summary>
    public const string PlanVariable = "CCE_RECORD_PLAN";

    /// <summary>
    /// <c>1</c> tunes the declared candidates on ILGPU's CPU accelerator too, where the portable kernels are
    /// otherwise used untimed (the warp candidates are far slower there; this exists for tests and trials).
    /// </summary>
    public const string CpuVariable = "CCE_TUNE_CPU";

    /// <summary>When to tune.</summary>
    public TunePolicy Policy { get; init; } = TunePolicy.Auto;

    /// <summary>Receives progress and results of tunings and cache hits; null prints nothing.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>The plan file shapes are recorded into, or null.</summary>
    public string? PlanFile { get; init; }

    /// <summary>Whether the declared candidates are tuned on the CPU accelerator too.</summary>
    public bool TuneOnCpu { get; init; }

    /// <summary>Repetitions and tie margin.</summary>
    public TimingPlan Timing { get; init; } = TimingPlan.Default;

    /// <summary>Where picks are looked up and stored.</summary>
    public TuningCache Cache { get; init; } = new();

    /// <summary>Builds the runner of one tuning; replaced in tests by scripted runners.</summary>
    internal Func<CceDevice, LossDescription, IReadOnlyList<KernelVariant>, ShapeBucket, ICandidateRunner> Runners { get; init; } =
        (device, description, variants, bucket) => new DeviceCandidateRunner(
            device, description, variants, checked((int)bucket.Rows), checked((int)bucket.Catalog), (ulong)Random.Shared.NextInt64(1, long.MaxValue));

    /// <summary>The options set by <c>CCE_TUNE</c>, <c>CCE_TUNE_LOG</c>, <c>CCE_RECORD_PLAN</c>, <c>CCE_TUNE_CPU</c> and <c>CCE_CACHE_DIR</c>.</summary>
    /// <exception cref="ArgumentException"><c>CCE_TUNE</c> is set to something other than auto, off or force.</exception>
    public static TuningOptions FromEnvironment()
    {
        string? policy = Environment.GetEnvironmentVariable(PolicyVariable);
        string? plan = Environment.GetEnvironmentVariable(PlanVariable);
        return new TuningOptions
        {
            Policy = ParsePolicy(policy),
            Log = IsOn(LogVariable) ? Console.Error : null,
            PlanFile = string.IsNullOrWhiteSpace(plan) ? null : plan,
            TuneOnCpu = IsOn(CpuVariable),
        };
    }

    /// <summary>Reads a <c>CCE_TUNE</c> value; null or empty is <see cref="TunePolicy.Auto"/>.</summary>
    /// <exception cref="ArgumentException">Not auto, off or force.</exception>
    public static TunePolicy ParsePolicy(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => TunePolicy.Auto,
        "off" => TunePolicy.Off,
        "force" => TunePolicy.Force,
        _ => throw new ArgumentException($"Expected {PolicyVariable} to be auto, off or force; got '{text}'.", nameof(text)),
    };

    private static bool IsOn(string variable) =>
        Environment.GetEnvironmentVariable(variable)?.Trim() is "1" or "true" or "yes" or "on";
}
