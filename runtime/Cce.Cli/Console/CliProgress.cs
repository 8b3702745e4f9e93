using Spectre.Console;

namespace Cce.Cli.Console;

/// <summary>
/// Runs the steps of a verb with a progress bar on an interactive console, or one plain line per step elsewhere, so
/// that a redirected run still shows where it is without escape codes. Progress goes to the error console: the
/// results on standard output stay clean (JSON in particular).
/// </summary>
internal static class CliProgress
{
    /// <summary>Runs <paramref name="step"/> on each item in order, labelled by <paramref name="label"/>.</summary>
    public static void Run<T>(IAnsiConsole console, string title, IReadOnlyList<T> items, Func<T, string> label, Action<T> step)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            for (int i = 0; i < items.Count; i++)
            {
                console.WriteLine(FormattableString.Invariant($"{title} [{i + 1}/{items.Count}] {label(items[i])}"));
                step(items[i]);
            }

            return;
        }

        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(title), maxValue: items.Count);
                foreach (T item in items)
                {
                    task.Description = Markup.Escape($"{title}: {label(item)}");
                    step(item);
                    task.Increment(1);
                }
            });
    }
}
