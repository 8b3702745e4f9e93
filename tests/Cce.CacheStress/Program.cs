using System.Globalization;
using Cce.Tuning.Cache;

namespace Cce.CacheStress;

/// <summary>
/// <c>distinct ROOT WRITER COUNT</c>: stores COUNT keys no other writer uses.
/// <c>same ROOT WRITER COUNT</c>: stores one shared key COUNT times, reading it back in between.
/// <c>key</c>: prints the sample key's id and environment directory.
/// <c>tune ROOT</c>: creates a tuned loss on the CPU accelerator with the cache in ROOT and runs it once, logging to standard output.
/// Writers first wait for a file named <c>go</c> in ROOT, so that all of them write at once.
/// Exit code 0 when every read was a valid entry or a plain miss and no warning was logged.
/// </summary>
public static class Program
{
    private const int Padding = 16_384;

    /// <summary>The file whose appearance starts every writer.</summary>
    public const string StartSignal = "go";

    public static int Main(string[] args)
    {
        if (args is ["key"])
        {
            Console.WriteLine(CacheSamples.Key().Id);
            Console.WriteLine(CacheSamples.Environment().DirectoryName);
            return 0;
        }

        if (args is ["tune", string cacheRoot])
        {
            return TunedChild.Run(cacheRoot);
        }

        if (args is not [string mode, string root, string writerText, string countText]
            || !int.TryParse(writerText, CultureInfo.InvariantCulture, out int writer)
            || !int.TryParse(countText, CultureInfo.InvariantCulture, out int count))
        {
            Console.Error.WriteLine("usage: Cce.CacheStress distinct|same ROOT WRITER COUNT | key | tune ROOT");
            return 2;
        }

        if (!WaitForStart(root))
        {
            Console.Error.WriteLine("no start signal");
            return 1;
        }

        var warnings = new List<string>();
        var cache = new TuningCache(root, warnings.Add);
        TuningEnvironment environment = CacheSamples.Environment();
        string tag = $"writer {writer}";
        for (int i = 0; i < count; i++)
        {
            switch (mode)
            {
                case "distinct":
                    TuningKey own = CacheSamples.Key(rows: i + 1, catalog: writer + 1);
                    cache.Store(CacheSamples.Entry(environment, own, tag));
                    break;
                case "same":
                    TuningKey shared = CacheSamples.Key();
                    cache.Store(CacheSamples.Entry(environment, shared, tag, padding: Padding));
                    if (cache.TryGet(environment, shared, out TuningEntry? read) && CacheSamples.TagOf(read) is null)
                    {
                        Console.Error.WriteLine("read an entry mixing writers");
                        return 1;
                    }

                    break;
                default:
                    Console.Error.WriteLine($"unknown mode {mode}");
                    return 2;
            }
        }

        foreach (string warning in warnings)
        {
            Console.Error.WriteLine(warning);
        }

        return warnings.Count == 0 ? 0 : 1;
    }

    private static bool WaitForStart(string root)
    {
        string signal = Path.Combine(root, StartSignal);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!File.Exists(signal))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }
}
