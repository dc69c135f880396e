using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Crm.Bench.System;

/// <summary>
/// Event latency: register → dispatched (the customer service's commit, its outbox relay, the broker, the dispatch
/// service's consumer and its transaction) against the raw round trip of one message through the same broker,
/// interleaved in one run at a rate well below capacity, so that it measures the path, not a queue.
/// </summary>
public static class Latency
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(90);
    /// <summary>A registration and a raw round trip take turns at this pace: 2.5 of each a second.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    public static async Task<string> RunAsync(Uri gateway, string rabbitData)
    {
        string[] stores = ["sh01", "sh02"];
        var desks = new Dictionary<string, Gateway>();
        foreach (var store in stores) desks[store] = await Gateway.SignInAsync(gateway, $"{store}.cm", "Store#2026");
        await using var raw = await RawRoundTrip.OpenAsync(LocalBroker.AmqpUri(rabbitData));

        var registered = new ConcurrentBag<(Gateway Desk, Guid Customer)>();
        var rawSeconds = new List<double>();
        var registrations = new List<Task>();
        var refused = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < WarmUp + Measured; i++)
        {
            var counts = clock.Elapsed >= WarmUp;
            if (i % 2 == 0)
            {
                var desk = desks[stores[i / 2 % stores.Length]];
                var phone = $"1371{i:D7}";
                registrations.Add(Task.Run(async () =>
                {
                    if (await desk.RegisterAsync(phone) is not { } customer) Interlocked.Increment(ref refused);
                    else if (counts) registered.Add((desk, customer));
                }));
            }
            else
            {
                var seconds = await raw.MeasureAsync();
                if (counts) rawSeconds.Add(seconds);
            }
            var due = Tick * (i + 1) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
        }
        await Task.WhenAll(registrations);
        var clientCores = Figures.ClientCores(cpu, clock);

        var eventSeconds = new List<double>();
        var missing = 0;
        foreach (var (desk, customer) in registered)
        {
            if (await desk.RegisterToDispatchSecondsAsync(customer, TimeSpan.FromMinutes(2)) is { } seconds) eventSeconds.Add(seconds);
            else missing++;
        }

        double P(List<double> s, double p) => Figures.Percentile(s, p);
        var report = new StringBuilder();
        report.AppendLine($"| path ({Measured.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s of warm-up, taking turns every {Tick.TotalMilliseconds:0} ms) | samples | p50 s | p99 s | max s |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine($"| register → dispatched (SH01 and SH02 by turns; server clocks) | {eventSeconds.Count} | {Figures.Seconds(P(eventSeconds, 50))} | {Figures.Seconds(P(eventSeconds, 99))} | {Figures.Seconds(eventSeconds.DefaultIfEmpty(double.NaN).Max())} |");
        var stages = await LatencyStages.ReadAsync(Path.GetDirectoryName(Path.GetFullPath(rabbitData))!, registered.Select(r => r.Customer).ToList());
        foreach (var stage in stages)
            report.AppendLine($"| — {stage.Name} | {stage.Seconds.Count} | {Figures.Seconds(P(stage.Seconds, 50))} | {Figures.Seconds(P(stage.Seconds, 99))} | {Figures.Seconds(stage.Seconds.DefaultIfEmpty(double.NaN).Max())} |");
        report.AppendLine($"| raw RabbitMQ: publish with confirm → consume (durable, persistent) | {rawSeconds.Count} | {Figures.Seconds(P(rawSeconds, 50))} | {Figures.Seconds(P(rawSeconds, 99))} | {Figures.Seconds(rawSeconds.DefaultIfEmpty(double.NaN).Max())} |");
        report.AppendLine();
        report.AppendLine($"**Event p99 = {P(eventSeconds, 99) / P(rawSeconds, 99):0.0}× the raw round trip's p99** (target ≤ 3×); p50 {P(eventSeconds, 50) / P(rawSeconds, 50):0.0}×. " +
                          $"Registrations refused: {refused}; not dispatched within 2 minutes: {missing}. Load generator CPU: {clientCores:0.00} cores.");
        return report.ToString();
    }
}
