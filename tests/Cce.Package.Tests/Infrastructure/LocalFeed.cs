using System.Security;

namespace Cce.Package.Tests.Infrastructure;

/// <summary>A nuget.config that makes a folder the only package source: restores in its folder never reach the network.</summary>
internal static class LocalFeed
{
    /// <summary>
    /// Writes it into <paramref name="folder"/> and returns its path. Packages absent from the feed, such as ILGPU, still
    /// resolve from the global packages folder, where the solution's own restore put the exact versions asked for.
    /// </summary>
    public static string WriteConfig(string folder, string feed)
    {
        string path = Path.Combine(folder, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(feed)}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }
}
