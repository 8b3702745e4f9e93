namespace Cce.Package.Tests.Infrastructure;

/// <summary>A console project as <c>dotnet new console</c> makes it, whose only package is Cce.Gen.</summary>
internal static class ConsumerProject
{
    /// <summary>The assembly name, from the project file's name.</summary>
    public const string Name = "Consumer";

    /// <summary>Writes the project file and its Program.cs into <paramref name="folder"/>.</summary>
    public static void Write(string folder, string packageId, string version, string program)
    {
        // Warnings are errors, so the package's own checks (the generator did not run) cannot pass unnoticed.
        File.WriteAllText(Path.Combine(folder, Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
    }

    /// <summary>A Visual Basic console project with the same reference: a compiler that never runs the C# generator.</summary>
    public static void WriteVisualBasic(string folder, string packageId, string version)
    {
        File.WriteAllText(Path.Combine(folder, Name + ".vbproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.vb"), """
            Module Program
                Sub Main()
                    System.Console.WriteLine(GetType(Cce.CceDevice).Name)
                End Sub
            End Module
            """);
    }

    /// <summary>The built program, after <c>dotnet build -c Release</c>.</summary>
    public static string Assembly(string folder) => Path.Combine(folder, "bin", "Release", "net10.0", Name + ".dll");
}
