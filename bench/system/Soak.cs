using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Crm.Bench.System;

/// <summary>
/// Soak: a steady mixed load — registrations, reads, milestones, follow-ups, contract forms — for many minutes;
/// each service's resident memory, open handles and threads before the load, after its first minute (warm), every
/// minute and at the end. Flat means the end is within a tenth of the highest figure of the run's first half: the
/// garbage collector's ups and downs stay within that, growth that goes on does not.
/// </summary>
public static class Soak
{
    private const int DesksPerStore = 2;
    /// <summary>Each desk starts one round of work this often: 4 registrations and ~30 requests a second in all.</summary>
    private static readonly TimeSpan Round = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Warm = TimeSpan.FromMinutes(1);

    public static async Task<string> RunAsync(Uri gateway, TimeSpan length)
    {
        string[] stores = ["sh01", "sh02"];
        var services = ServiceProcesses.Find();
        if (services.Count == 0) throw new InvalidOperationException("No service of a Release build runs on this machine.");
        var samples = new List<(TimeSpan At, Dictionary<string, ServiceProcesses.Sample> Of)>();
        var clock = Stopwatch.StartNew();
        void Sample() => samples.Add((clock.Elapsed, services.ToDictionary(s => s.Key, s => ServiceProcesses.Measure(s.Value))));
        Sample();

        var answers = new ConcurrentDictionary<string, int>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using var stop = new CancellationTokenSource(length);
        var desks = new List<Task>();
        var serial = 0;
        foreach (var (store, s) in stores.Select((store, s) => (store, s)))
            for (var d = 0; d < DesksPerStore; d++)
            {
                var desk = await Gateway.SignInAsync(gateway, $"{store}.cm", "Store#2026");
                var prefix = $"136{s}{d}";
                desks.Add(Task.Run(() => DeskAsync(desk, prefix, () => Interlocked.Increment(ref serial), answers, stop.Token)));
            }
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(Warm, stop.Token).ContinueWith(_ => { });
                Sample();
            }
        });
        await Task.WhenAll(desks.Append(sampler));
        var clientCores = Figures.ClientCores(cpu, clock);

        var start = samples[0].Of;
        var warm = samples.Count > 1 ? samples[1].Of : start;
        var end = samples[^1].Of;
        var report = new StringBuilder();
        var firstHalf = samples.Where(s => s.At <= length / 2 + Warm).ToList();
        long FirstHalfHighest(string name) => firstHalf.Max(s => s.Of[name].ResidentKiB);
        report.AppendLine($"| service | resident MiB: before / warm (1 min) / end ({length.TotalMinutes:0} min) | end ÷ first half's highest | handles: before / warm / end | threads: before / warm / end |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var name in services.Keys.Order())
        {
            var (b, w, e) = (start[name], warm[name], end[name]);
            report.AppendLine($"| {name} | {b.ResidentKiB / 1024.0:0} / {w.ResidentKiB / 1024.0:0} / {e.ResidentKiB / 1024.0:0} | {(double)e.ResidentKiB / FirstHalfHighest(name):0.00} | {b.Handles} / {w.Handles} / {e.Handles} | {b.Threads} / {w.Threads} / {e.Threads} |");
        }
        var flat = services.Keys.All(n => end[n].ResidentKiB <= FirstHalfHighest(n) * 1.1);
        report.AppendLine();
        report.AppendLine("Resident MiB each minute: " + string.Join("; ", services.Keys.Order().Select(n =>
            $"{n} {string.Join(" ", samples.Select(x => (x.Of[n].ResidentKiB / 1024.0).ToString("0")))}")) + ".");
        report.AppendLine();
        var failures = answers.Where(a => !a.Key.StartsWith('2')).Sum(a => a.Value);
        report.AppendLine($"**Memory {(flat ? "flat" : "not flat")}**: every service's end within 1.1× the highest of the run's first half — {(flat ? "holds" : "does not hold")}. " +
                          $"Requests: {answers.Values.Sum():N0} ({string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value:N0}"))}), " +
                          $"**{failures} failed**. Load generator CPU: {clientCores:0.00} cores.");
        return report.ToString();
    }

    /// <summary>One customer manager's day, in rounds: register a walk-in, look it up, record the previous customer's measurement and a follow-up, receive and issue a form, read the lists.</summary>
    private static async Task DeskAsync(Gateway desk, string phonePrefix, Func<int> next, ConcurrentDictionary<string, int> answers, CancellationToken stop)
    {
        var pace = Stopwatch.StartNew();
        Guid? previous = null;
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            async Task<JsonElement> Call(HttpMethod method, string path, object? body = null)
            {
                var (ok, answer, status) = await SendAsync(desk, method, path, body);
                answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                return ok ? answer : default;
            }
            var registered = await Call(HttpMethod.Post, "/api/customers", new { source = "WalkIn", name = "浸泡客户", phone = $"{phonePrefix}{next():D6}" });
            Guid? customer = registered.ValueKind == JsonValueKind.Object ? registered.GetProperty("id").GetGuid() : null;
            if (customer is not null) await Call(HttpMethod.Get, $"/api/customers/{customer}");
            await Call(HttpMethod.Get, "/api/customers?pageSize=20");
            if (previous is { } earlier)
            {
                await Call(HttpMethod.Post, $"/api/customers/{earlier}/milestones", new { type = "Measured" });
                await Call(HttpMethod.Post, "/api/followups", new { customerId = earlier, purpose = "量房后回访", form = "Phone", content = $"浸泡回访 {round}", summary = "量房后回访" });
                var found = await Call(HttpMethod.Get, $"/api/customers/{earlier}");
                if (found.ValueKind == JsonValueKind.Object && found.GetProperty("designer").ValueKind == JsonValueKind.Object)
                {
                    var serial = $"S{phonePrefix}{next():D6}";
                    await Call(HttpMethod.Post, "/api/contracts/forms/receive", new { fromSerial = serial, toSerial = serial });
                    await Call(HttpMethod.Post, $"/api/contracts/forms/{serial}/issue", new { designerId = found.GetProperty("designer").GetProperty("designerId").GetGuid(), customerId = earlier });
                }
            }
            await Call(HttpMethod.Get, "/api/followups/tasks?due=today&pageSize=20");
            await Call(HttpMethod.Get, "/api/dispatch/assignments?pageSize=20");
            previous = customer ?? previous;
            var due = Round * (round + 1) - pace.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, stop).ContinueWith(_ => { });
        }
    }

    private static async Task<(bool Ok, JsonElement Body, string Status)> SendAsync(Gateway desk, HttpMethod method, string path, object? body)
    {
        try
        {
            var (ok, answer, status) = await desk.SendAsync(method, path, body);
            return (ok, answer, status.ToString());
        }
        catch (HttpRequestException e)
        {
            return (false, default, e.HttpRequestError.ToString());
        }
    }
}
