namespace Cce.Package.Tests.Infrastructure;

/// <summary>The environment of every child process: a plain command line's, not the test run's.</summary>
internal static class ChildEnvironment
{
    public static void Apply(IDictionary<string, string?> variables, IReadOnlyDictionary<string, string>? extra)
    {
        // Under `dotnet test` the host's MSBuild variables describe the solution's own build; a child SDK must find its own.
        foreach (string name in variables.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            variables.Remove(name);
        }

        // No build node or compiler server outlives its command: none holds the child's output open or the copied sources.
        variables["MSBUILDDISABLENODEREUSE"] = "1";
        variables["UseSharedCompilation"] = "false";
        variables["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        variables["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        variables["DOTNET_NOLOGO"] = "1";

        // A tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed where it first looks.
        variables["DOTNET_ROOT"] = Dotnet.Root;
        foreach ((string name, string value) in extra ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
    }
}
