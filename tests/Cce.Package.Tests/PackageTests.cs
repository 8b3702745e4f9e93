using System.IO.Compression;
using System.Text.RegularExpressions;
using Cce.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Package.Tests;

/// <summary>
/// What a newcomer does: reference the one package and paste README's example, or install the tool; both from a
/// folder feed of freshly packed packages, offline, on the CPU accelerator.
/// </summary>
public sealed partial class PackageTests(PackedPackages packages, ITestOutputHelper log) : IClassFixture<PackedPackages>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void TheFeed_HoldsTheLibraryWithItsSymbols_AndTheTool()
    {
        string[] expected = [.. new[] { $"{PackedPackages.LibraryId}.{packages.Version}.nupkg", $"{PackedPackages.LibraryId}.{packages.Version}.snupkg", $"{PackedPackages.ToolId}.{packages.Version}.nupkg" }.Order(StringComparer.Ordinal)];
        Assert.Equal(expected, Directory.EnumerateFiles(packages.Feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheLibraryPackage_HoldsTheRuntimeTheGeneratorAndTheirDocuments()
    {
        using ZipArchive package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{PackedPackages.LibraryId}.{packages.Version}.nupkg"));
        string[] entries = [.. package.Entries.Select(e => e.FullName)];
        foreach (string path in new[] { "lib/net10.0/Cce.Runtime.dll", "lib/net10.0/Cce.Runtime.xml", "analyzers/dotnet/cs/Cce.Gen.SourceGenerators.dll", "buildTransitive/Cce.Gen.targets", "README.md", "LICENSE" })
        {
            Assert.True(entries.Contains(path), path + " is not in the package:" + Environment.NewLine + string.Join(Environment.NewLine, entries));
        }
    }

    [Fact]
    public async Task TheReadmeExample_BuildsWithOnlyThePackage_AndRunsOnTheCpuAccelerator()
    {
        using var consumer = new TemporaryFolder("cce-consumer-");
        LocalFeed.WriteConfig(consumer.Path, packages.Feed);
        string program = ReadmeExample.Extract(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md")));
        ConsumerProject.Write(consumer.Path, PackedPackages.LibraryId, packages.Version, program);

        ProcessResult build = await Dotnet.RunAsync(consumer.Path, BuildTimeout, ["build", "-c", "Release"]);
        Assert.True(build.ExitCode == 0, "README's usage example did not build against the Cce.Gen package alone." + Environment.NewLine + build);

        ProcessResult run = await Dotnet.RunAsync(consumer.Path, RunTimeout, [ConsumerProject.Assembly(consumer.Path)], OnTheCpu(consumer.Path));
        Assert.True(run.ExitCode == 0, "README's usage example failed on the CPU accelerator." + Environment.NewLine + run);

        // 1024 rows, every 16th ignored: the mean is over 960 of them.
        Assert.True(LossLine().IsMatch(run.StandardOutput), "README's usage example printed no loss over 960 of 1024 rows." + Environment.NewLine + run);
        log.WriteLine($"pack {packages.PackTime.TotalSeconds:F0} s (once for the class), build {build.Elapsed.TotalSeconds:F0} s, run {run.Elapsed.TotalSeconds:F0} s");
        log.WriteLine(run.StandardOutput);
    }

    [Fact]
    public async Task AConsumerWhoseCompilerCannotRunTheGenerator_IsToldWhy()
    {
        using var consumer = new TemporaryFolder("cce-consumer-");
        LocalFeed.WriteConfig(consumer.Path, packages.Feed);
        ConsumerProject.WriteVisualBasic(consumer.Path, PackedPackages.LibraryId, packages.Version);

        ProcessResult build = await Dotnet.RunAsync(consumer.Path, BuildTimeout, ["build", "-c", "Release"]);
        Assert.True(build.StandardOutput.Contains("Cce.Gen: the source generator that completes [CatalogLoss] classes runs only in C# projects", StringComparison.Ordinal), "A Visual Basic build is not told that the generator needs C#." + Environment.NewLine + build);
    }

    [Fact]
    public async Task AConsumerWhoseCompilerIsTooOldForTheGenerator_StopsAtTheCompilersReason()
    {
        using var consumer = new TemporaryFolder("cce-consumer-");
        LocalFeed.WriteConfig(consumer.Path, packages.Feed);
        ConsumerProject.Write(consumer.Path, PackedPackages.LibraryId, packages.Version, "return 0;\n");

        // The package's props come in through restore; no older compiler is at hand, so its setting is what is checked.
        ProcessResult restore = await Dotnet.RunAsync(consumer.Path, BuildTimeout, ["restore"]);
        Assert.True(restore.ExitCode == 0, "The consumer did not restore from the feed." + Environment.NewLine + restore);
        ProcessResult property = await Dotnet.RunAsync(consumer.Path, RunTimeout, ["msbuild", "-getProperty:WarningsAsErrors"]);
        Assert.True(property.ExitCode == 0 && property.StandardOutput.Contains("CS9057", StringComparison.Ordinal), "The package does not make CS9057 (generator skipped by an older compiler) an error." + Environment.NewLine + property);
    }

    [Fact]
    public async Task TheTool_InstallsFromTheFeed_AndRuns()
    {
        using var home = new TemporaryFolder("cce-tool-");
        string config = LocalFeed.WriteConfig(home.Path, packages.Feed);
        string toolPath = Path.Combine(home.Path, "tools");

        ProcessResult install = await Dotnet.RunAsync(home.Path, BuildTimeout, ["tool", "install", PackedPackages.ToolId, "--version", packages.Version, "--tool-path", toolPath, "--configfile", config]);
        Assert.True(install.ExitCode == 0, "The cce tool did not install from the feed." + Environment.NewLine + install);

        string cce = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "cce.exe" : "cce");
        ProcessResult help = await ChildProcess.RunAsync(cce, ["--help"], home.Path, RunTimeout, OnTheCpu(home.Path));
        Assert.True(help.ExitCode == 0 && help.StandardOutput.Contains("info", StringComparison.Ordinal), "cce --help failed or does not list info." + Environment.NewLine + help);

        ProcessResult info = await ChildProcess.RunAsync(cce, ["info"], home.Path, RunTimeout, OnTheCpu(home.Path));
        Assert.True(info.ExitCode == 0 && info.StandardOutput.Contains("cpu", StringComparison.OrdinalIgnoreCase), "cce info failed or shows no CPU accelerator." + Environment.NewLine + info);
        log.WriteLine($"install {install.Elapsed.TotalSeconds:F0} s, info {info.Elapsed.TotalSeconds:F0} s");
        log.WriteLine(info.StandardOutput);
    }

    /// <summary>The CPU accelerator whatever the machine has, and a tuning cache of the test's own.</summary>
    private static Dictionary<string, string> OnTheCpu(string folder) => new()
    {
        ["CCE_DEVICE"] = "cpu",
        ["CCE_CACHE_DIR"] = Path.Combine(folder, "cache"),
    };

    [GeneratedRegex(@"^loss \d+[.,]\d{4} over 960 of 1024 rows", RegexOptions.Multiline)]
    private static partial Regex LossLine();
}
