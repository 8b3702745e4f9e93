namespace Cce.Cli.Tests;

/// <summary>Sets an environment variable for the life of a test and puts the old value back.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentVariable(string name, string? value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}
