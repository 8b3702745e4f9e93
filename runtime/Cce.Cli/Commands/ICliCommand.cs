namespace Cce.Cli.Commands;

/// <summary>One verb of the <c>cce</c> tool.</summary>
internal interface ICliCommand
{
    /// <summary>The verb, e.g. "verify".</summary>
    string Name { get; }

    /// <summary>One line for the help text.</summary>
    string Summary { get; }

    /// <summary>Usage lines shown by <c>cce help VERB</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; returns the process exit code.</summary>
    int Run(CommandLine arguments, TextWriter output);
}
