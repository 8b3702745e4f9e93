namespace Cce.Cli;

/// <summary>A device that cannot be opened or a runtime failure the tool explains itself: one red line, exit code 3.</summary>
internal sealed class CliRuntimeException(string message) : Exception(message);
