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

        Bar(console, title, items.Count, task =>
        {
            foreach (T item in items)
            {
                task.Description = Markup.Escape($"{title}: {label(item)}");
                step(item);
                task.Increment(1);
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which reports its own steps: each call of the action it is given marks one of
    /// <paramref name="total"/> steps done, labelled by its argument. For work that runs its steps side by side.
    /// </summary>
    public static void Track(IAnsiConsole console, string title, int total, Action<Action<string>> work)
    {
        int done = 0;
        if (!console.Profile.Capabilities.Interactive)
        {
            work(label => console.WriteLine(FormattableString.Invariant($"{title} [{++done}/{total}] {label}")));
            return;
        }

        Bar(console, title, total, task => work(label =>
        {
            task.Description = Markup.Escape($"{title}: {label}");
            task.Increment(1);
        }));
    }

    private static void Bar(IAnsiConsole console, string title, int total, Action<ProgressTask> body) =>
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => body(context.AddTask(Markup.Escape(title), maxValue: total)));
}
