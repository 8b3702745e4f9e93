using Cce.Package.Tests.Infrastructure;
using Xunit;

namespace Cce.Package.Tests;

/// <summary>
/// Cce.Gen and Cce.Gen.Tool packed once for the tests of a class, into a folder feed, under a version no earlier run
/// used: a copy left in the global packages folder by another run can never stand in for this build.
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    /// <summary>The id of the library package, as a consumer references it.</summary>
    public const string LibraryId = "Cce.Gen";

    /// <summary>The id of the tool package.</summary>
    public const string ToolId = "Cce.Gen.Tool";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private readonly TemporaryFolder work = new("cce-package-");

    /// <summary>A prerelease version unique to this run (its last identifier starts with a letter, as SemVer wants).</summary>
    public string Version { get; } = "0.1.0-test.r" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>The folder feed both packages are in.</summary>
    public string Feed => Path.Combine(work.Path, "feed");

    /// <summary>How long packing both took.</summary>
    public TimeSpan PackTime { get; private set; }

    public async Task InitializeAsync()
    {
        string sources = Path.Combine(work.Path, "src");
        Directory.CreateDirectory(sources);
        Directory.CreateDirectory(Feed);
        SourceCopy.Make(RepositoryRoot.Find(), sources);

        foreach (string project in new[] { "runtime/Cce.Runtime/Cce.Runtime.csproj", "runtime/Cce.Cli/Cce.Cli.csproj" })
        {
            // RestoreSources: only the (still empty) feed, so restore takes every dependency from the global packages folder, offline.
            ProcessResult pack = await Dotnet.RunAsync(sources, PackTimeout, ["pack", project, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-p:RestoreSources=" + Feed]);
            PackTime += pack.Elapsed;
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("Packing " + project + " failed." + Environment.NewLine + pack);
            }
        }
    }

    public async Task DisposeAsync()
    {
        work.Dispose();
        ProcessResult locals = await Dotnet.RunAsync(Path.GetTempPath(), TimeSpan.FromMinutes(1), ["nuget", "locals", "global-packages", "--list"]);
        string listed = locals.StandardOutput.Trim();
        int separator = listed.IndexOf(": ", StringComparison.Ordinal);
        if (locals.ExitCode == 0 && separator > 0)
        {
            // Restores extracted this run's packages there; the version is never asked for again.
            string globalPackages = listed[(separator + 2)..].Trim();
            foreach (string id in new[] { LibraryId, ToolId })
            {
                string folder = Path.Combine(globalPackages, id.ToLowerInvariant());
                TemporaryFolder.TryDelete(Path.Combine(folder, Version.ToLowerInvariant()));
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    TemporaryFolder.TryDelete(folder);
                }
            }
        }
    }
}
