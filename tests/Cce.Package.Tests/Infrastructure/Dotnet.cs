using System.Runtime.InteropServices;

namespace Cce.Package.Tests.Infrastructure;

/// <summary>The dotnet CLI of the .NET installation these tests run on, whatever PATH says.</summary>
internal static class Dotnet
{
    /// <summary>The installation's root: three folders above shared/Microsoft.NETCore.App/VERSION/.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>Runs <c>dotnet ARGUMENTS</c> in a folder.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ChildProcess.RunAsync(Path.Combine(Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"), arguments, workingDirectory, timeout, environment);
}
