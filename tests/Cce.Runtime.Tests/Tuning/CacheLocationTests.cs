using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Where the cache lives: <c>CCE_CACHE_DIR</c> first, then the per-user cache folder.</summary>
public sealed class CacheLocationTests
{
    [Fact]
    public void CacheDirVariableWins()
    {
        string chosen = Path.Combine(Path.GetTempPath(), "chosen-cache");

        string root = CacheLocation.Resolve(name => name == CacheFormat.DirectoryVariable ? chosen : "/elsewhere");

        Assert.Equal(Path.GetFullPath(chosen), root);
    }

    [Fact]
    public void WithoutTheVariableTheUserCacheFolderHoldsCceGen()
    {
        string xdg = Path.Combine(Path.GetTempPath(), "xdg-cache");

        string root = CacheLocation.Resolve(name => name == "XDG_CACHE_HOME" ? xdg : null);

        Assert.Equal("cce-gen", Path.GetFileName(root));
        if (OperatingSystem.IsWindows())
        {
            Assert.Equal(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), Path.GetDirectoryName(root));
        }
        else
        {
            Assert.Equal(xdg, Path.GetDirectoryName(root));
            Assert.Equal(
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cce-gen"),
                CacheLocation.Resolve(name => name == "XDG_CACHE_HOME" ? "relative/ignored" : null));
        }
    }
}
