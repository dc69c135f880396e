using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Crm.Bench.System;

/// <summary>
/// Capacity by shard: stores opened on each database shard, each with a customer manager working through a busy
/// store's day at 10× and 100× its real pace; what each phase got done, how long its answers took, and where the
/// machine's CPU and each shard's writes went. From the phase that kept up, the cost of one store-day, and what
/// 5,000 stores need.
/// </summary>
public static partial class Scale
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f-]{27}|C[0-9]{9}")]
    private static partial Regex Ids();

    // A busy store's working day (10 hours), the assumptions stated in bench/RESULTS.md: 40 registrations, 40
    // milestones, 80 follow-ups, 10 forms received and 10 issued, 160 reads. One round of a desk is a fortieth of it.
    private const int RoundsPerDay = 40;
    private static readonly TimeSpan WorkingDay = TimeSpan.FromHours(10);
    private const double PeakFactor = 3;
    private const double TargetUtilisation = 0.6;
    private const int ChainStores = 5_000;
    private const string Password = "Store#2026";
    private const int ShardServerCores = 8;
    /// <summary>A shard server's sustained write rate (a common cloud disk's baseline throughput).</summary>
    private const int ShardDiskMiBPerSecond = 125;
    private const int InstanceCores = 1;
    private const int BrokerNodes = 3;
    private const int QuorumReplicas = 3;

    private sealed record Desk(string Code, string Shard, Gateway Gateway, int Number);

    private sealed class Phase
    {
        public int Speed;
        public TimeSpan Length;
        public int Rounds;
        public int Registrations;
        public readonly ConcurrentBag<double> Milliseconds = [];
        public readonly ConcurrentDictionary<int, int> Answers = new();
        /// <summary>The first answer of each kind that was not a success, by status, method and path (ids left out).</summary>
        public readonly ConcurrentDictionary<string, string> Refusals = new();
        public double DrainSeconds;
        public (Dictionary<string, double> Cores, Dictionary<string, double> Written, double Idle) Use;
        public double StoreDays => Rounds / (double)RoundsPerDay;
        public double OfferedRoundsPerSecond(int stores) => stores * RoundsPerDay * Speed / WorkingDay.TotalSeconds;
    }

    public static async Task<string> RunAsync(Uri gateway, string[] shards, int storesPerShard, int[] speeds, TimeSpan length)
    {
        var admin = await Gateway.SignInAsync(gateway, "admin", "Admin#2026");
        var clock = Stopwatch.StartNew();
        var desks = await OpenStoresAsync(gateway, admin, shards, storesPerShard);
        var setUp = clock.Elapsed;
        var phases = new List<Phase>();
        foreach (var (speed, index) in speeds.Select((s, i) => (s, i))) phases.Add(await RunPhaseAsync(admin, desks, speed, index, length));
        return Report(shards, storesPerShard, setUp, phases);
    }

    private static async Task<List<Desk>> OpenStoresAsync(Uri gateway, Gateway admin, string[] shards, int perShard)
    {
        var desks = new List<Desk>();
        var number = 0;
        foreach (var shard in shards)
            for (var i = 1; i <= perShard; i++)
            {
                var code = $"SC{++number:D3}";
                var (opened, store, status) = await admin.SendAsync(HttpMethod.Post, "/api/stores", new { code, name = $"容量门店{number:D3}", city = "上海", shard });
                if (!opened) throw new InvalidOperationException($"Store {code} could not be opened on {shard}: {status} {store}");
                if (store.GetProperty("shard").GetString() != shard) throw new InvalidOperationException($"Store {code} was placed on {store.GetProperty("shard")}, not {shard}.");
                var id = store.GetProperty("id").GetGuid();
                foreach (var (name, level, fee) in new[] { ("容量设计师甲", "Senior", true), ("容量设计师乙", "Designer", false), ("容量设计师丙", "Designer", false), ("容量设计师丁", "Assistant", false) })
                    await WritePath.UntilOkAsync(() => admin.SendAsync(HttpMethod.Post, "/api/dispatch/designers",
                        new { storeId = id, name, level, chargesDesignFee = fee, styles = new[] { "Modern" }, notes = "容量" }), $"a designer for {code}");
                var username = $"{code.ToLowerInvariant()}.cm";
                await WritePath.UntilOkAsync(() => admin.SendAsync(HttpMethod.Post, "/api/staff",
                    new { username, password = Password, displayName = $"{code} 客户经理", role = "CustomerManager", storeId = id }), $"the customer manager of {code}");
                desks.Add(new Desk(code, shard, await Gateway.SignInAsync(gateway, username, Password), number));
            }
        // A store is ready once a registration in it was dispatched and got its first follow-up task.
        await Parallel.ForEachAsync(desks, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (desk, _) => await WritePath.RegisterAndAwaitCascadeAsync(desk.Gateway, $"139{desk.Number:D3}00000"));
        return desks;
    }

    private static async Task<Phase> RunPhaseAsync(Gateway admin, List<Desk> desks, int speed, int index, TimeSpan length)
    {
        var phase = new Phase { Speed = speed, Length = length };
        var round = WorkingDay / RoundsPerDay / speed;
        async Task<(long Assignments, long Tasks)> TotalsAsync() => (await admin.AssignmentCountAsync(), await admin.FirstFollowUpTaskCountAsync());
        var before = await TotalsAsync();
        var cpuBefore = SystemCpu.Take();
        using var stop = new CancellationTokenSource(length);
        await Task.WhenAll(desks.Select(desk => Task.Run(() => DeskAsync(desk, index, round, phase, stop.Token))));
        var loadEnded = Stopwatch.StartNew();
        var settled = await Figures.UntilAsync(async () =>
        {
            var now = await TotalsAsync();
            return now.Assignments - before.Assignments >= phase.Registrations && now.Tasks - before.Tasks >= phase.Registrations;
        }, TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(500));
        if (!settled) throw new InvalidOperationException($"The cascade of the {speed}× phase did not finish within 10 minutes.");
        phase.DrainSeconds = loadEnded.Elapsed.TotalSeconds;
        phase.Use = SystemCpu.Between(cpuBefore, SystemCpu.Take());
        return phase;
    }

    /// <summary>One customer manager's rounds at the phase's pace, each starting at a random point of the first interval.</summary>
    private static async Task DeskAsync(Desk desk, int index, TimeSpan round, Phase phase, CancellationToken stop)
    {
        var pace = Stopwatch.StartNew();
        var offset = round * Random.Shared.NextDouble();
        Guid? previous = null;
        for (var n = 0; ; n++)
        {
            var due = offset + round * n - pace.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, stop).ContinueWith(_ => { });
            if (stop.IsCancellationRequested) return;
            async Task<JsonElement> Call(HttpMethod method, string path, object? body = null)
            {
                var started = Stopwatch.GetTimestamp();
                (bool Ok, JsonElement Body, int Status) answer;
                try { answer = await desk.Gateway.SendAsync(method, path, body); }
                catch (HttpRequestException) { answer = (false, default, 0); }
                phase.Milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                phase.Answers.AddOrUpdate(answer.Status, 1, (_, c) => c + 1);
                if (!answer.Ok)
                    phase.Refusals.TryAdd($"{answer.Status} {method} {Ids().Replace(path, "…")}", answer.Body.ValueKind == JsonValueKind.Object && answer.Body.TryGetProperty("detail", out var detail) ? detail.ToString() : "");
                return answer.Ok ? answer.Body : default;
            }
            var registered = await Call(HttpMethod.Post, "/api/customers", new { source = "WalkIn", name = "容量客户", phone = $"13{index}{desk.Number:D3}{n:D5}" });
            Guid? customer = registered.ValueKind == JsonValueKind.Object ? registered.GetProperty("id").GetGuid() : null;
            if (customer is not null)
            {
                Interlocked.Increment(ref phase.Registrations);
                await Call(HttpMethod.Get, $"/api/customers/{customer}");
            }
            await Call(HttpMethod.Get, "/api/customers?pageSize=20");
            if (previous is { } earlier)
            {
                await Call(HttpMethod.Post, $"/api/customers/{earlier}/milestones", new { type = "Measured" });
                await Call(HttpMethod.Post, "/api/followups", new { customerId = earlier, purpose = "量房后回访", form = "Phone", content = $"容量回访 {n}", summary = "量房后回访" });
                await Call(HttpMethod.Post, "/api/followups", new { customerId = earlier, purpose = "方案沟通", form = "Online", content = $"容量沟通 {n}", summary = "方案沟通" });
                var found = await Call(HttpMethod.Get, $"/api/customers/{earlier}");
                if (n % 4 == 1 && found.ValueKind == JsonValueKind.Object && found.GetProperty("designer").ValueKind == JsonValueKind.Object)
                {
                    var serial = $"C{index}{desk.Number:D3}{n:D5}";
                    var received = await Call(HttpMethod.Post, "/api/contracts/forms/receive", new { fromSerial = serial, toSerial = serial });
                    // A form that was not received cannot be issued.
                    if (received.ValueKind != JsonValueKind.Undefined)
                        await Call(HttpMethod.Post, $"/api/contracts/forms/{serial}/issue", new { designerId = found.GetProperty("designer").GetProperty("designerId").GetGuid(), customerId = earlier });
                }
            }
            await Call(HttpMethod.Get, "/api/followups/tasks?due=today&pageSize=20");
            Interlocked.Increment(ref phase.Rounds);
            previous = customer ?? previous;
        }
    }

    private static string Report(string[] shards, int perShard, TimeSpan setUp, List<Phase> phases)
    {
        var stores = shards.Length * perShard;
        var text = new StringBuilder();
        string F(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);
        text.AppendLine($"{stores} stores, {perShard} on each of {shards.Length} shards ({string.Join(", ", shards)}), opened and readied in {setUp.TotalSeconds:0} s; each phase {phases[0].Length.TotalMinutes:0} min of load, then until every registration was dispatched with its first follow-up task.");
        text.AppendLine();
        var parts = phases.SelectMany(p => p.Use.Cores.Keys).Distinct().OrderBy(p => p.StartsWith("PostgreSQL") ? 0 : p == "RabbitMQ" ? 1 : 2).ThenBy(p => p).ToList();
        text.AppendLine("| | " + string.Join(" | ", phases.Select(p => $"{p.Speed}×")) + " |");
        text.AppendLine("|---|" + string.Concat(phases.Select(_ => "---:|")));
        void Row(string label, Func<Phase, string> value) => text.AppendLine($"| {label} | {string.Join(" | ", phases.Select(value))} |");
        Row("rounds/s offered (all stores)", p => F(p.OfferedRoundsPerSecond(stores)));
        Row("rounds/s done", p => F(p.Rounds / p.Length.TotalSeconds));
        Row("requests/s", p => F(p.Answers.Values.Sum() / p.Length.TotalSeconds, "0.0"));
        Row("registrations/s", p => F(p.Registrations / p.Length.TotalSeconds));
        Row("answer p50 / p99 ms", p => $"{F(Figures.Percentile([.. p.Milliseconds], 50), "0")} / {F(Figures.Percentile([.. p.Milliseconds], 99), "0")}");
        Row("answers not 2xx", p => p.Answers.Where(a => a.Key is < 200 or > 299).Sum(a => a.Value).ToString(CultureInfo.InvariantCulture));
        Row("cascade done after the load, s", p => F(p.DrainSeconds, "0.0"));
        Row("machine idle %", p => F(p.Use.Idle, "0"));
        Row("all parts, cores", p => F(p.Use.Cores.Values.Sum()));
        foreach (var part in parts) Row($"{part}, cores", p => F(p.Use.Cores.GetValueOrDefault(part)));
        foreach (var part in parts.Where(p => p.StartsWith("PostgreSQL"))) Row($"{part}, MiB written/s", p => F(p.Use.Written.GetValueOrDefault(part)));
        text.AppendLine();
        text.AppendLine("Answers: " + string.Join("; ", phases.Select(p => $"{p.Speed}× " + string.Join(", ", p.Answers.OrderBy(a => a.Key).Select(a => $"{(a.Key == 0 ? "none" : a.Key)}: {a.Value:N0}")))) + ".");
        foreach (var (refusal, detail) in phases.SelectMany(p => p.Refusals).DistinctBy(r => r.Key).OrderBy(r => r.Key))
            text.AppendLine($"- first `{refusal}`: {detail}");
        text.AppendLine();

        if (phases.Where(p => p.Rounds / p.Length.TotalSeconds < 0.95 * p.OfferedRoundsPerSecond(stores)).MaxBy(p => p.Speed) is { } saturated)
        {
            var done = saturated.Rounds / saturated.Length.TotalSeconds;
            text.AppendLine($"**This machine saturates** at {F(done)} rounds/s ({saturated.Speed}× phase: {F(saturated.Use.Idle, "0")} % idle): at a real day's pace with its peak hour {PeakFactor:0}× the average, " +
                            $"the whole system on these {Environment.ProcessorCount} cores carries about {done / (RoundsPerDay / WorkingDay.TotalSeconds * PeakFactor):N0} busy stores.");
            text.AppendLine();
        }

        // The cost of one store-day, from the fastest phase that kept its pace (done ≥ 95 % of offered).
        var basis = phases.Where(p => p.Rounds / p.Length.TotalSeconds >= 0.95 * p.OfferedRoundsPerSecond(stores)).MaxBy(p => p.Speed) ?? phases[0];
        var span = basis.Length.TotalSeconds + basis.DrainSeconds;
        double PerStoreDay(string part) => basis.Use.Cores.GetValueOrDefault(part) * span / basis.StoreDays;
        // Cores a part needs for the whole chain in the peak hour.
        double ChainCores(double perStoreDay) => ChainStores * perStoreDay / WorkingDay.TotalSeconds * PeakFactor;
        var databases = parts.Where(p => p.StartsWith("PostgreSQL")).ToList();
        var services = parts.Where(p => !p.StartsWith("PostgreSQL") && p != "RabbitMQ").ToList();
        text.AppendLine($"**Cost of a store-day**, from the {basis.Speed}× phase, the fastest that kept its pace ({F(basis.StoreDays, "0.0")} store-days in {F(span, "0")} s of load and drain), CPU seconds: " +
                        string.Join(", ", parts.Select(p => $"{p} {F(PerStoreDay(p), "0.0")}")) + "; PostgreSQL writes " +
                        string.Join(", ", databases.Select(p => $"{p} {F(basis.Use.Written.GetValueOrDefault(p) * span / (basis.StoreDays / shards.Length), "0.0")} MiB per store-day of its shard")) + ".");
        text.AppendLine();

        // A shard server is sized by its hottest shard: the home server also keeps the chain's own tables (the store
        // directory, phone claims, the gateway's and partners' databases).
        var storeDaysPerShard = basis.StoreDays / shards.Length;
        double ShardCpuPerStoreDay(string part) => basis.Use.Cores.GetValueOrDefault(part) * span / storeDaysPerShard;
        double ShardMiBPerStoreDay(string part) => basis.Use.Written.GetValueOrDefault(part) * span / storeDaysPerShard;
        var hottestCpu = databases.Max(ShardCpuPerStoreDay);
        var hottestWrites = databases.Max(ShardMiBPerStoreDay);
        var peakPerStore = PeakFactor / WorkingDay.TotalSeconds;
        var storesByCpu = (int)Math.Floor(ShardServerCores * TargetUtilisation / (hottestCpu * peakPerStore));
        var storesByWrites = (int)Math.Floor(ShardDiskMiBPerSecond * TargetUtilisation / (hottestWrites * peakPerStore));
        var storesPerShard = Math.Min(storesByCpu, storesByWrites);
        var shardCount = (int)Math.Ceiling(ChainStores / (double)storesPerShard);
        var brokerCores = ChainCores(PerStoreDay("RabbitMQ")) * QuorumReplicas;
        var brokerNodeCores = Math.Max(1, (int)Math.Ceiling(brokerCores / BrokerNodes / TargetUtilisation));
        text.AppendLine($"**{ChainStores:N0} stores**: a working day of {WorkingDay.TotalHours:0} h, its peak hour {PeakFactor:0}× the day's average; every part sized to run at {TargetUtilisation * 100:0} % of its cores (and a shard's disk at {TargetUtilisation * 100:0} % of {ShardDiskMiBPerSecond} MiB/s) in that hour.");
        text.AppendLine();
        text.AppendLine($"A shard server of {ShardServerCores} cores holds {storesByCpu:N0} stores by CPU and {storesByWrites:N0} by writes, from its hottest shard's store-day " +
                        $"({F(hottestCpu, "0.0")} CPU seconds, {F(hottestWrites, "0")} MiB written): **{storesPerShard:N0} stores a shard**, so {shardCount} shards for {ChainStores:N0} stores, " +
                        $"the {(storesByWrites < storesByCpu ? "disk's writes" : "CPU")} being what saturates first.");
        text.AppendLine();
        text.AppendLine("| part | cores in the peak hour | sized as | count |");
        text.AppendLine("|---|---:|---|---:|");
        text.AppendLine($"| PostgreSQL, every shard | {F(ChainCores(databases.Sum(PerStoreDay)), "0.0")} | servers of {ShardServerCores} cores, {storesPerShard:N0} stores each | **{shardCount} shards** |");
        text.AppendLine($"| RabbitMQ (measured on one node, ×{QuorumReplicas} for the quorum queues' replicas) | {F(brokerCores, "0.0")} | {BrokerNodes} nodes of {brokerNodeCores} cores | **{BrokerNodes} nodes** |");
        foreach (var service in services)
        {
            var cores = ChainCores(PerStoreDay(service));
            var instances = Math.Max(2, (int)Math.Ceiling(cores / (InstanceCores * TargetUtilisation)));
            text.AppendLine($"| {service} | {F(cores, "0.0")} | instances of {InstanceCores} core, 2 at least | **{instances}** |");
        }
        return text.ToString();
    }
}
