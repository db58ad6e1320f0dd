using System.Diagnostics;

namespace Platform.Benchmarks.CostSharing;

/// <summary>Runs an action several times after a warm-up and reports the median and the fastest run, in milliseconds.</summary>
internal static class Timing
{
    public static (double Median, double Min) Measure(int runs, Action action)
    {
        action();
        var times = Enumerable.Range(0, runs).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }).Order().ToArray();
        return (times[times.Length / 2], times[0]);
    }

    public static async Task<double> MeasureAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static string Format((double Median, double Min) t) => $"median {t.Median,10:F3} ms  (min {t.Min:F3})";
}
