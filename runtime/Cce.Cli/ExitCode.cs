namespace Cce.Cli;

/// <summary>The exit codes of every verb, as the root help and README document them.</summary>
internal static class ExitCode
{
    /// <summary>The verb did what was asked and every check passed.</summary>
    public const int Ok = 0;

    /// <summary>The verb ran, but a check failed (a case of <c>verify</c>, an entry <c>cache show</c> did not find, a refused import).</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line or <c>CCE_DEVICE</c> is wrong: nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>The device could not be opened, or the runtime failed while working.</summary>
    public const int RuntimeFailure = 3;

    /// <summary>The sentence the root help ends with.</summary>
    public const string Summary = "Exit codes: 0 ok, 1 a check failed, 2 usage error (command line or CCE_DEVICE), 3 device or runtime failure.";
}
