using System.Diagnostics;

namespace Crm.Bench.System;

public static class Figures
{
    /// <summary>The nearest-rank percentile of the samples.</summary>
    public static double Percentile(IReadOnlyList<double> samples, double percent)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Seconds(double value) => double.IsNaN(value) ? "–" : value.ToString("0.000");

    /// <summary>This load generator's own CPU use over the elapsed time, in cores.</summary>
    public static double ClientCores(TimeSpan cpuAtStart, Stopwatch elapsed) =>
        (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds / elapsed.Elapsed.TotalSeconds;

    /// <summary>Waits for a condition, checking every <paramref name="every"/>; false when the time ran out.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan every)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (await condition()) return true;
            await Task.Delay(every);
        }
        return await condition();
    }
}
