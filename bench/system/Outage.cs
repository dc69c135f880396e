using System.Net.Sockets;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Crm.Bench.System;

/// <summary>
/// The broker killed (kill -9) under a steady load of registrations in two stores, below what the machine can
/// dispatch; its supervisor starts it again. Measures the backlog the outage leaves and how fast it drains:
/// from the kill to the moment every registration acknowledged so far is dispatched.
/// </summary>
public static class Outage
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(20);
    private const int DesksPerStore = 2;
    /// <summary>Each of the four desks registers a walk-in this often: 8 a second in all.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public static async Task<string> RunAsync(Uri gateway, string rabbitData)
    {
        string[] stores = ["sh01", "sh02"];
        var desks = new Dictionary<string, Gateway>();
        foreach (var store in stores) desks[store] = await Gateway.SignInAsync(gateway, $"{store}.cm", "Store#2026");
        var before = new Dictionary<string, long>();
        var tasksBefore = new Dictionary<string, long>();
        foreach (var store in stores)
        {
            before[store] = await desks[store].AssignmentCountAsync();
            tasksBefore[store] = await desks[store].FirstFollowUpTaskCountAsync();
        }

        var acknowledged = new ConcurrentDictionary<string, int>();
        var refused = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(Load);
        var workers = stores.SelectMany((store, s) => Enumerable.Range(0, DesksPerStore).Select(w => Task.Run(async () =>
        {
            var pace = Stopwatch.StartNew();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // A request once sent is awaited to its answer: only what was answered counts as acknowledged.
                if (await desks[store].RegisterAsync($"138{s}{w}{i:D6}") is not null) acknowledged.AddOrUpdate(store, 1, (_, n) => n + 1);
                else Interlocked.Increment(ref refused);
                var due = Interval * (i + 1) - pace.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, stop.Token).ContinueWith(_ => { });
            }
        }))).ToList();

        await Task.Delay(KillAt);
        var broker = BrokerProcess(rabbitData);
        var killedAt = clock.Elapsed;
        Process.GetProcessById(broker).Kill();
        var dispatched = new List<(TimeSpan At, long Count, int Acknowledged)>();
        async Task<long> DispatchedAsync() => (await Task.WhenAll(stores.Select(async s => await desks[s].AssignmentCountAsync() - before[s]))).Sum();
        TimeSpan? brokerBack = null, brokerAccepts = null;
        var amqpPort = LocalBroker.AmqpPort(rabbitData);
        var settled = await Figures.UntilAsync(async () =>
        {
            brokerBack ??= BrokerRuns(rabbitData, broker) ? clock.Elapsed : null;
            brokerAccepts ??= brokerBack is not null && await AcceptsAsync(amqpPort) ? clock.Elapsed : null;
            var count = await DispatchedAsync();
            var acked = acknowledged.Values.Sum();
            dispatched.Add((clock.Elapsed, count, acked));
            return stop.IsCancellationRequested && count >= acked;
        }, TimeSpan.FromMinutes(15), TimeSpan.FromMilliseconds(500));
        await Task.WhenAll(workers);
        var total = acknowledged.Values.Sum();
        // Every acknowledged registration should have its one first follow-up task as well.
        async Task<long> TasksAsync() => (await Task.WhenAll(stores.Select(async s => await desks[s].FirstFollowUpTaskCountAsync() - tasksBefore[s]))).Sum();
        var tasksSettled = await Figures.UntilAsync(async () => await TasksAsync() >= total, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        var tasks = await TasksAsync();
        var finalDispatched = await DispatchedAsync();
        var done = dispatched[^1].At;
        var clientCores = Figures.ClientCores(cpu, clock);

        // After the kill: the largest backlog (acknowledged, not yet dispatched), and the first moment nothing acknowledged waits.
        var afterKill = dispatched.Where(d => d.At >= killedAt).ToList();
        var peak = afterKill.MaxBy(d => d.Acknowledged - d.Count);
        // Caught up: back to the lag of normal running, at most two seconds of load waiting.
        var normalLag = (int)(2 * stores.Length * DesksPerStore / Interval.TotalSeconds);
        var caughtUp = afterKill.FirstOrDefault(d => d.At > peak.At && d.Acknowledged - d.Count <= normalLag);
        var recovered = caughtUp == default ? (TimeSpan?)null : caughtUp.At - killedAt;
        var drainSeconds = caughtUp == default ? double.NaN : (caughtUp.At - peak.At).TotalSeconds;
        var report = new StringBuilder();
        report.AppendLine("| broker kill -9 under registrations (2 stores, 4 desks, 8/s) | figure |");
        report.AppendLine("|---|---:|");
        report.AppendLine($"| registrations acknowledged | {total:N0} ({refused} refused) |");
        report.AppendLine($"| assignments made for them | {finalDispatched:N0}{(settled ? "" : " — not all within 15 minutes")} (missing {Math.Max(0, total - finalDispatched)}, extra {Math.Max(0, finalDispatched - total)}) |");
        report.AppendLine($"| first follow-up tasks made for them | {tasks:N0}{(tasksSettled ? "" : " — not all within 5 more minutes")} (missing {Math.Max(0, total - tasks)}, extra {Math.Max(0, tasks - total)}) |");
        report.AppendLine($"| broker running again after the kill | {(brokerBack is { } back ? $"{(back - killedAt).TotalSeconds:0.0} s" : "not seen")} |");
        report.AppendLine($"| broker taking connections again (answering the AMQP header) | {(brokerAccepts is { } accepts ? $"{(accepts - killedAt).TotalSeconds:0.0} s" : "not seen")} |");
        report.AppendLine($"| largest backlog after the kill | {peak.Acknowledged - peak.Count:N0} registrations, {(peak.At - killedAt).TotalSeconds:0.0} s after it |");
        report.AppendLine($"| recovery: kill → back to the normal lag (at most {normalLag} registrations, 2 s of load, waiting) | {(recovered is { } r ? $"{r.TotalSeconds:0.0} s" : "not within the run")} (load of 8 registrations/s for {Load.TotalSeconds:0} s, the kill at {KillAt.TotalSeconds:0} s) |");
        report.AppendLine($"| drain: largest backlog → caught up | {(double.IsNaN(drainSeconds) ? "–" : $"{drainSeconds:0.0} s, **{(caughtUp.Count - peak.Count) / Math.Max(drainSeconds, 0.001):0} dispatches/s** while the load went on")} |");
        report.AppendLine($"| every acknowledged registration dispatched | {(done - killedAt).TotalSeconds:0.0} s after the kill |");
        report.AppendLine($"| load generator CPU | {clientCores:0.00} cores |");
        report.AppendLine();
        report.AppendLine("Backlog (acknowledged, not yet dispatched) every 5 s from the kill: " + string.Join(", ", afterKill
            .GroupBy(d => (int)((d.At - killedAt).TotalSeconds / 5)).Select(g => g.First())
            .Select(d => $"{(d.At - killedAt).TotalSeconds:0} s {d.Acknowledged - d.Count}")) + ".");
        return report.ToString();
    }

    /// <summary>Whether the broker answers the AMQP protocol header with the start of a connection (a method frame).</summary>
    private static async Task<bool> AcceptsAsync(int port)
    {
        using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, attempt.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), attempt.Token);
            var answer = new byte[1];
            return await stream.ReadAsync(answer, attempt.Token) == 1 && answer[0] == 1;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static int BrokerProcess(string rabbitData)
    {
        var pid = Brokers(rabbitData).FirstOrDefault();
        return pid > 0 ? pid : throw new InvalidOperationException($"No RabbitMQ node runs from {rabbitData}.");
    }

    private static bool BrokerRuns(string rabbitData, int killed) => Brokers(rabbitData).Any(pid => pid != killed);

    private static IEnumerable<int> Brokers(string rabbitData)
    {
        var home = Path.GetFullPath(rabbitData);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string line;
            try { line = File.ReadAllText(Path.Combine(dir, "cmdline")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
            if (line.Contains("beam.smp") && line.Contains(home)) yield return pid;
        }
    }
}
