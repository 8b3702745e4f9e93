using System.Diagnostics;
using Cce.CacheStress;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Starts <c>Cce.CacheStress</c> child processes on a cache directory and waits for them.</summary>
internal static class StressProcesses
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Runs one child per argument list, all released at once; returns each one's exit code and stderr.</summary>
    public static IReadOnlyList<(int ExitCode, string Errors)> Run(string root, IEnumerable<string[]> argumentLists)
    {
        List<Process> processes = [.. argumentLists.Select(Start)];
        List<Task<string>> errors = [.. processes.Select(p => p.StandardError.ReadToEndAsync())];
        File.WriteAllText(Path.Combine(root, Program.StartSignal), string.Empty);
        var results = new List<(int, string)>();
        for (int i = 0; i < processes.Count; i++)
        {
            using Process process = processes[i];
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                results.Add((-1, "timed out"));
                continue;
            }

            results.Add((process.ExitCode, errors[i].Result));
        }

        File.Delete(Path.Combine(root, Program.StartSignal));
        return results;
    }

    /// <summary>One child's output lines.</summary>
    public static string[] Output(params string[] arguments)
    {
        using Process process = Start(arguments);
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(Limit), "child timed out");
        Assert.Equal(0, process.ExitCode);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static Process Start(string[] arguments)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "Cce.CacheStress.dll");
        Assert.True(File.Exists(program), $"Cce.CacheStress.dll is not next to the tests in {AppContext.BaseDirectory}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }

    /// <summary>The <c>dotnet</c> running these tests, so children use the same runtime.</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        string? self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
