using System.Diagnostics;
using System.Text.Json;

namespace Crm.Bench.System;

/// <summary>
/// The write path through the gateway: registrations spread over many stores, as a chain's load is, each with its
/// whole cascade (dispatch, the customer's update, the first follow-up task, report facts, audit). bench/write/run.sh
/// calls these steps and sets pgbench, running the same SQL, beside them.
/// </summary>
public static class WritePath
{
    private const string Password = "Store#2026";
    private static readonly (string Name, string Level, bool Fee)[] Designers =
        [("压测设计师甲", "Senior", true), ("压测设计师乙", "Designer", false), ("压测设计师丙", "Designer", false), ("压测设计师丁", "Assistant", false)];

    /// <summary>A bench store and its customer manager's access token, signed in once: sign-ins have limits of their own.</summary>
    public sealed record BenchStore(string Code, Guid Id, string Username, string Token);

    /// <summary>The stores and the chain administrator's token, for the rounds after the set-up (tokens last 15 minutes).</summary>
    public sealed record BenchChain(string AdminToken, List<BenchStore> Stores);

    /// <summary>Opens the stores, each with four designers and a customer manager, and waits until every service knows each store.</summary>
    public static async Task<string> SetUpAsync(Uri gateway, int count, string file)
    {
        var admin = await Gateway.SignInAsync(gateway, "admin", "Admin#2026");
        var stores = new List<BenchStore>();
        for (var i = 1; i <= count; i++)
        {
            var code = $"WB{i:D2}";
            var (opened, store, _) = await admin.SendAsync(HttpMethod.Post, "/api/stores", new { code, name = $"压测门店{i:D2}", city = "上海" });
            if (!opened) throw new InvalidOperationException($"Store {code} could not be opened.");
            var id = store.GetProperty("id").GetGuid();
            foreach (var (name, level, fee) in Designers)
                await UntilOkAsync(() => admin.SendAsync(HttpMethod.Post, "/api/dispatch/designers",
                    new { storeId = id, name, level, chargesDesignFee = fee, styles = new[] { "Modern" }, notes = "压测" }), $"a designer for {code}");
            var username = $"{code.ToLowerInvariant()}.cm";
            await UntilOkAsync(() => admin.SendAsync(HttpMethod.Post, "/api/staff",
                new { username, password = Password, displayName = $"{code} 客户经理", role = "CustomerManager", storeId = id }), $"the customer manager of {code}");
            stores.Add(new BenchStore(code, id, username, (await Gateway.SignInAsync(gateway, username, Password)).Token));
        }
        // A store is ready once a registration in it was dispatched and got its first follow-up task.
        foreach (var (store, i) in stores.Select((s, i) => (s, i)))
            await RegisterAndAwaitCascadeAsync(Gateway.WithToken(gateway, store.Token), $"1350{i:D2}00000");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new BenchChain(admin.Token, stores)));
        return $"{stores.Count} stores ready\n";
    }

    /// <summary>
    /// One round: <paramref name="clients"/> clients register without pause for <paramref name="length"/>, client c in
    /// store c (as many stores as clients, as the pgbench beside it runs one client per store); then waits until every acknowledged registration has its assignment and first
    /// follow-up task. Prints "acknowledged refused seconds drain-seconds client-cores".
    /// </summary>
    public static async Task<string> RoundAsync(Uri gateway, string file, int round, TimeSpan length, int clients)
    {
        var chain = JsonSerializer.Deserialize<BenchChain>(await File.ReadAllTextAsync(file))!;
        var desks = chain.Stores.Select(s => Gateway.WithToken(gateway, s.Token)).ToList();
        // The chain's totals, as the chain administrator sees them: two requests however many stores.
        var admin = Gateway.WithToken(gateway, chain.AdminToken);
        async Task<(long Assignments, long Tasks)> TotalsAsync() => (await admin.AssignmentCountAsync(), await admin.FirstFollowUpTaskCountAsync());
        var before = await TotalsAsync();

        var acknowledged = 0;
        var refused = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(length);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var desk = desks[c % desks.Count];
                // A request once sent is awaited to its answer: only what was answered counts.
                if (await desk.RegisterAsync($"13{round}{c:D2}{i:D6}") is not null) Interlocked.Increment(ref acknowledged);
                else Interlocked.Increment(ref refused);
            }
        })));
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var clientCores = Figures.ClientCores(cpu, clock);
        var settled = await Figures.UntilAsync(async () =>
        {
            var now = await TotalsAsync();
            return now.Assignments - before.Assignments >= acknowledged && now.Tasks - before.Tasks >= acknowledged;
        }, TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(500));
        if (!settled) throw new InvalidOperationException("The cascade of the round did not finish within 10 minutes.");
        var drainSeconds = clock.Elapsed.TotalSeconds - loadSeconds;
        return FormattableString.Invariant($"{acknowledged} {refused} {loadSeconds:0.00} {drainSeconds:0.00} {clientCores:0.00}\n");
    }

    /// <summary>
    /// Registers one customer as the user of <paramref name="token"/>, signed in beforehand so that the sign-in is not
    /// part of a captured registration; prints the customer number. The caller waits for the cascade in the databases,
    /// since reads through the gateway would be captured as well.
    /// </summary>
    public static async Task<string> OneAsync(Uri gateway, string token, string phone)
    {
        var (ok, customer, status) = await Gateway.WithToken(gateway, token).SendAsync(HttpMethod.Post, "/api/customers", new { source = "WalkIn", name = "压测客户", phone });
        return ok ? $"{customer.GetProperty("customerNo").GetString()}\n" : throw new InvalidOperationException($"Registration refused: {status}.");
    }

    internal static async Task<string> RegisterAndAwaitCascadeAsync(Gateway desk, string phone)
    {
        var (ok, customer, status) = await desk.SendAsync(HttpMethod.Post, "/api/customers", new { source = "WalkIn", name = "压测客户", phone });
        if (!ok) throw new InvalidOperationException($"Registration refused: {status}.");
        var id = customer.GetProperty("id").GetGuid();
        var done = await Figures.UntilAsync(async () =>
        {
            var found = await desk.GetAsync($"/api/customers/{id}");
            if (found.GetProperty("designer").ValueKind != JsonValueKind.Object) return false;
            var tasks = await desk.GetAsync($"/api/followups/tasks?kind=FirstFollowUp&due=all&pageSize=100");
            return tasks.GetProperty("items").EnumerateArray().Any(t => t.GetProperty("customerId").GetGuid() == id);
        }, TimeSpan.FromMinutes(3), TimeSpan.FromMilliseconds(100));
        if (!done) throw new InvalidOperationException($"Customer {phone} was not dispatched with a first follow-up task within 3 minutes.");
        return customer.GetProperty("customerNo").GetString()!;
    }

    internal static async Task UntilOkAsync(Func<Task<(bool Ok, JsonElement Body, int Status)>> send, string what)
    {
        // The store reaches the other services by event: until it has, they answer that they do not know it.
        (bool Ok, JsonElement Body, int Status) last = default;
        if (!await Figures.UntilAsync(async () => (last = await send()).Ok, TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(250)))
            throw new InvalidOperationException($"Could not create {what}: {last.Status} {last.Body}");
    }
}
