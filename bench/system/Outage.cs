using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Crm.Bench.System;

/// <summary>
/// The broker killed (kill -9) under a load of registrations in two stores; its supervisor starts it again.
/// Measures how the backlog drains: from the kill to the last acknowledged registration dispatched.
/// </summary>
public static class Outage
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan KillAt = TimeSpan.FromSeconds(20);

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
        var workers = stores.SelectMany((store, s) => Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    if (await desks[store].RegisterAsync($"138{s}{w}{i:D6}", stop.Token) is not null) acknowledged.AddOrUpdate(store, 1, (_, n) => n + 1);
                    else Interlocked.Increment(ref refused);
                }
                catch (OperationCanceledException) { }
            }
        }))).ToList();

        await Task.Delay(KillAt);
        var broker = BrokerProcess(rabbitData);
        var killedAt = clock.Elapsed;
        Process.GetProcessById(broker).Kill();
        var dispatched = new List<(TimeSpan At, long Count, int Acknowledged)>();
        async Task<long> DispatchedAsync() => (await Task.WhenAll(stores.Select(async s => await desks[s].AssignmentCountAsync() - before[s]))).Sum();
        TimeSpan? brokerBack = null;
        var settled = await Figures.UntilAsync(async () =>
        {
            brokerBack ??= BrokerRuns(rabbitData, broker) ? clock.Elapsed : null;
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

        // Dispatch resumes at the first rise after the kill; the backlog then is what was acknowledged and not yet dispatched.
        var atKill = dispatched.First();
        var resumed = dispatched.Skip(1).FirstOrDefault(d => d.Count > atKill.Count && d.At > killedAt + TimeSpan.FromSeconds(1));
        var backlog = resumed.Acknowledged - resumed.Count;
        var drainSeconds = (done - resumed.At).TotalSeconds;
        var report = new StringBuilder();
        report.AppendLine("| broker kill -9 under registrations (2 stores, 4 desks) | figure |");
        report.AppendLine("|---|---:|");
        report.AppendLine($"| registrations acknowledged | {total:N0} ({refused} refused) |");
        report.AppendLine($"| assignments made for them | {finalDispatched:N0}{(settled ? "" : " — not all within 15 minutes")} (missing {Math.Max(0, total - finalDispatched)}, extra {Math.Max(0, finalDispatched - total)}) |");
        report.AppendLine($"| first follow-up tasks made for them | {tasks:N0}{(tasksSettled ? "" : " — not all within 5 more minutes")} (missing {Math.Max(0, total - tasks)}, extra {Math.Max(0, tasks - total)}) |");
        report.AppendLine($"| broker running again after the kill | {(brokerBack is { } back ? $"{(back - killedAt).TotalSeconds:0.0} s" : "not seen")} |");
        report.AppendLine($"| dispatch resumed after the kill | {(resumed.At - killedAt).TotalSeconds:0.0} s |");
        report.AppendLine($"| backlog when dispatch resumed | {backlog:N0} registrations |");
        report.AppendLine($"| recovery: kill → every acknowledged registration dispatched | {(done - killedAt).TotalSeconds:0.0} s (the load ran {Load.TotalSeconds:0} s, the kill at {KillAt.TotalSeconds:0} s) |");
        report.AppendLine($"| drain: resumed → done | {drainSeconds:0.0} s, **{(dispatched[^1].Count - resumed.Count) / Math.Max(drainSeconds, 0.001):0} dispatches/s** while new registrations kept coming until the load stopped |");
        report.AppendLine($"| load generator CPU | {clientCores:0.00} cores |");
        return report.ToString();
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
