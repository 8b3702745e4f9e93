using System.Diagnostics;

namespace Cce.Package.Tests.Infrastructure;

/// <summary>Starts a program, waits for it within a time limit and keeps all it printed.</summary>
internal static class ChildProcess
{
    /// <summary>How long the output may stay open after the process exited (a grandchild may still hold it).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(30);

    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ChildEnvironment.Apply(start.Environment, environment);
        string commandLine = fileName + " " + string.Join(' ', arguments);
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + commandLine);

        // Read both streams as they come: a full pipe would block the child, and neither stream waits for the other.
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
        Task<string> standardError = process.StandardError.ReadToEndAsync();
        bool timedOut = false;
        using (var limit = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        clock.Stop();
        string output = await ReadWithin(standardOutput);
        string error = await ReadWithin(standardError);
        if (timedOut)
        {
            error += $"{Environment.NewLine}(killed: still running after {timeout.TotalSeconds:F0} s)";
        }

        return new ProcessResult(commandLine, timedOut ? -1 : process.ExitCode, output, error, clock.Elapsed);
    }

    private static async Task<string> ReadWithin(Task<string> reading)
    {
        Task finished = await Task.WhenAny(reading, Task.Delay(OutputGrace));
        return finished == reading ? await reading : "(output still open " + OutputGrace.TotalSeconds + " s after the process exited)";
    }
}
