namespace Cce.Tuning.Cache;

/// <summary>Where the tuning cache lives unless a caller names a directory.</summary>
internal static class CacheLocation
{
    private const string FolderName = "cce-gen";

    /// <summary>
    /// <c>CCE_CACHE_DIR</c> when set; else the per-user cache folder: LocalApplicationData on Windows,
    /// <c>XDG_CACHE_HOME</c> or <c>~/.cache</c> elsewhere; plus <c>cce-gen</c>.
    /// </summary>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Resolve()"/>, reading environment variables through <paramref name="variable"/>.</summary>
    public static string Resolve(Func<string, string?> variable)
    {
        string? overridden = variable(CacheFormat.DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        return Path.Combine(UserCacheFolder(variable), FolderName);
    }

    private static string UserCacheFolder(Func<string, string?> variable)
    {
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }

        // The XDG specification says to ignore a relative value.
        string? xdg = variable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return xdg;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        // Service accounts and some containers have no home; a shared temp folder beats failing to tune.
        return string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
    }
}
