namespace Cce.Cli;

/// <summary>A mistake in the command line found while running a verb: printed as one red line with the verb's usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
