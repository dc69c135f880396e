using System.Diagnostics;
using System.Text;

namespace Crm.Bench.System;

/// <summary>
/// One store's burst against a quiet store's front desk: a marketing upload of 10,000 leads into SH01 while
/// SH02 registers a walk-in every half second. Compared with the same desk on a quiet system, side by side in one run.
/// </summary>
public static class Burst
{
    public static async Task<string> RunAsync(Uri gateway, int leads)
    {
        var quietDesk = await Gateway.SignInAsync(gateway, "sh02.cm", "Store#2026");
        var busyDesk = await Gateway.SignInAsync(gateway, "sh01.cm", "Store#2026");
        var marketing = await Gateway.SignInAsync(gateway, "marketing", "Store#2026");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var elapsed = Stopwatch.StartNew();

        // Warm-up, discarded: the first calls of each path compile and fill pools.
        await Phase(new QuietStore(quietDesk, "1370009"), TimeSpan.FromSeconds(10));
        var alone = await Phase(new QuietStore(quietDesk, "1370000"), TimeSpan.FromSeconds(60));

        var busyBefore = await busyDesk.AssignmentCountAsync();
        var csv = new StringBuilder("storeCode,name,phone\n");
        for (var i = 0; i < leads; i++) csv.Append("SH01,导入客户,136").Append(i.ToString("D8")).Append('\n');
        var quiet = new QuietStore(quietDesk, "1371000");
        using var stop = new CancellationTokenSource();
        var desk = quiet.RegisterUntilAsync(stop.Token);
        var uploadClock = Stopwatch.StartNew();
        var job = await marketing.UploadAsync("/api/leads/imports", "burst.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        var jobId = job.GetProperty("id").GetString();
        double? stored = null;
        var drained = await Figures.UntilAsync(async () =>
        {
            if (stored is null && (await marketing.GetAsync($"/api/leads/imports/{jobId}")).GetProperty("state").GetString() == "Completed")
                stored = uploadClock.Elapsed.TotalSeconds;
            return await busyDesk.AssignmentCountAsync() >= busyBefore + leads;
        }, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(1));
        var allDispatched = uploadClock.Elapsed.TotalSeconds;
        stop.Cancel();
        await desk;
        var during = await quiet.LatenciesAsync();
        var clientCores = Figures.ClientCores(cpu, elapsed);

        var report = new StringBuilder();
        report.AppendLine("| quiet store SH02, register → dispatched | registrations | p50 s | p99 s | max s | not dispatched |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(Row("alone (no import running)", alone, 0));
        report.AppendLine(Row($"during SH01's import of {leads:N0} leads", during, quiet.Refused));
        var ratio = Figures.Percentile(during.Seconds, 99) / Figures.Percentile(alone.Seconds, 99);
        report.AppendLine();
        report.AppendLine($"- p99 during the import / p99 alone: **{ratio:0.00}×**.");
        report.AppendLine($"- SH01's import: {leads:N0} rows stored as leads {(stored is { } s ? $"{s:0} s" : "(not within the wait)")} after the upload; " +
            (drained ? $"all {leads:N0} dispatched {allDispatched:0} s after the upload (**{leads / allDispatched:0} customers/s** registered and dispatched end to end)." : $"not all dispatched within 20 minutes ({await busyDesk.AssignmentCountAsync() - busyBefore:N0})."));
        report.AppendLine($"- The load generator used {clientCores:0.00} of the 2 cores on average.");
        return report.ToString();
    }

    private static async Task<(List<double> Seconds, int Missing)> Phase(QuietStore desk, TimeSpan length)
    {
        using var stop = new CancellationTokenSource(length);
        await desk.RegisterUntilAsync(stop.Token);
        return await desk.LatenciesAsync();
    }

    private static string Row(string phase, (List<double> Seconds, int Missing) run, int refused) =>
        $"| {phase} | {run.Seconds.Count + run.Missing} | {Figures.Seconds(Figures.Percentile(run.Seconds, 50))} | {Figures.Seconds(Figures.Percentile(run.Seconds, 99))} | {Figures.Seconds(run.Seconds.DefaultIfEmpty(double.NaN).Max())} | {run.Missing}{(refused > 0 ? $" ({refused} refused)" : "")} |";
}
