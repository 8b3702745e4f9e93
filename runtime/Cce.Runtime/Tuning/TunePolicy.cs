namespace Cce;

/// <summary>When a loss created without an explicit tile tunes its kernels (<c>CCE_TUNE</c>).</summary>
public enum TunePolicy
{
    /// <summary>Use the cached pick of each shape bucket; tune, store and use a pick on a miss.</summary>
    Auto = 0,

    /// <summary>Use the generator's default candidate; never time anything.</summary>
    Off = 1,

    /// <summary>Tune every shape bucket again, even when the cache holds a pick, and store the new pick.</summary>
    Force = 2,
}
