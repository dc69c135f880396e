using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Replicas;

/// <summary>
/// Every service, the gateway and the console run as two instances (as the Kubernetes chart runs them), on one
/// installation of their own: the work splits between them, every event is applied exactly once, per-store rules
/// stay exact, scheduled work is done once, the gateway's limits and the console's sign-in hold across instances.
/// (<see cref="InstanceKillTests"/>: one instance of each killed, on an installation of its own.)
/// </summary>
[Collection(ReplicatedCollection.Name)]
[Trait("Category", "Replicas")]
public sealed class TwoInstanceTests(ReplicatedFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(4);
    private const int Events = 500;
    private static readonly string[] Consuming = ReplicatedFixture.ConsumingServices;
    private readonly Servers _servers = new(system);
    private EffectCounter Counter => new(system, _servers);

    [Fact]
    public async Task Five_hundred_events_are_applied_exactly_once_with_both_instances_of_every_service_taking_part()
    {
        Assert.All(Consuming, service => Assert.Equal(ReplicatedFixture.Instances, _servers.ServiceProcesses(service).Count));
        var since = DateTimeOffset.UtcNow;
        var ledger = new Ledger();
        await using (var load = await Workload.StartAsync(system, ledger, workersPerStore: 3))
        {
            await Eventually.Holds(async () => await EventsSinceAsync(since) >= Events, Settling, $"{Events} events announced");
            await load.StopAsync();
        }
        var effects = await Counter.SettledAsync(ledger, Settling);
        var events = await EventsSinceAsync(since);
        var split = await InstanceSplit.SinceAsync(Counter, since);

        TestReport.Write(output, "Two instances: 500 events", $"Load: {ledger.Summary()}.\n{events} events announced; messages applied per instance:\n{split}\nEffects: {effects}.");
        Assert.True(events >= Events, $"{events} events");
        Assert.True(effects.Settled, $"After {Settling.TotalMinutes} min: {effects}");
        Assert.All(Consuming, service =>
        {
            Assert.Equal(ReplicatedFixture.Instances, split.ByService[service].Count);
            Assert.All(split.ByService[service].Values, applied => Assert.True(applied > 0));
        });
    }

    [Fact]
    public async Task Customer_numbers_dispatch_rotation_and_form_serials_stay_exact_per_store_across_instances()
    {
        var store = await NewStoreAsync(designers: 4);
        var gate = new SemaphoreSlim(8);

        var registered = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var response = await store.Manager.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "并发客户", phone = $"197{Random.Shared.Next(0, 99_999_999):D8}" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }
            finally { gate.Release(); }
        }));

        // Customer numbers: consecutive from 1, none repeated or skipped, whichever instance registered each.
        var numbers = registered.Select(r => r.GetProperty("customerNo").GetString()!).ToList();
        Assert.All(numbers, n => Assert.StartsWith($"{store.Code}-", n));
        Assert.Equal(Enumerable.Range(1, 40), numbers.Select(n => int.Parse(n[^6..])).Order());

        // Dispatch: four designers, none preferred, so the rotation gives each exactly ten, whichever instance dispatched.
        var assignments = await Eventually.Returns(async () =>
        {
            var page = await store.Manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?storeId={store.Id}&pageSize=200");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            return items.Count >= 40 ? items : null;
        }, Patience, "the 40 automatic dispatches");
        Assert.Equal(40, assignments.Count);
        Assert.Equal(40, assignments.Select(a => a.GetProperty("customerId").GetGuid()).Distinct().Count());
        Assert.Equal([10, 10, 10, 10], assignments.GroupBy(a => a.GetProperty("designerId").GetGuid()).Select(g => g.Count()));

        // Form serials: the same range received by ten requests at once is received once.
        var from = $"R{Random.Shared.Next(100_000, 999_999)}";
        await Eventually.Holds(async () => (await store.Manager.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = from + "00", toSerial = from + "00" })).StatusCode == HttpStatusCode.Created,
            Patience, "the contract service to know the store");
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            store.Manager.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = from + "01", toSerial = from + "05" })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var received = await Counter.ReadAsync("contractdb", """SELECT count(*) FROM "CustodyEntries" WHERE "Serial" LIKE @prefix AND "Action" = 'Received'""",
            r => r.GetInt64(0), ("prefix", from + "0%"));
        Assert.Equal(6, received.Single());
    }

    [Fact]
    public async Task Scheduled_work_is_done_once_while_both_instances_run_it()
    {
        // The follow-up rules: every instance looks every few seconds; a new store's day is run once.
        var store = await NewStoreAsync(designers: 0);
        var runs = await Eventually.Returns(async () =>
        {
            var rows = await Counter.ReadAsync("followupdb", """SELECT "Day", "RanAt" FROM "RuleRuns" WHERE "StoreId" = @store""",
                r => (Day: r.GetFieldValue<DateOnly>(0), RanAt: r.GetFieldValue<DateTimeOffset>(1)), ("store", store.Id));
            return rows.Count > 0 ? rows : null;
        }, Patience, "the follow-up rules to run for the new store");
        // Several more sweeps of both instances pass; still one run for the day.
        await Task.Delay(TimeSpan.FromSeconds(10)); // rounds of the 3-second schedule, not a wait for an outcome
        var after = await Counter.ReadAsync("followupdb", """SELECT count(*) FROM "RuleRuns" WHERE "StoreId" = @store""", r => r.GetInt64(0), ("store", store.Id));
        Assert.Single(runs);
        Assert.Equal(1, after.Single());

        // The event archive's retention: both instances clean every 5 seconds, one at a time; rows past it go once, the rest stay.
        var marker = $"retention-check-{Guid.NewGuid():N}";
        await Counter.ReadAsync("customerdb", """
            INSERT INTO "OutboxMessages" ("MessageId", "MessageType", "Body", "CreatedAt", "SentAt", "FailedAttempts") VALUES
              (gen_random_uuid(), @type, 'null', now() - interval '402 days', now() - interval '401 days', 0),
              (gen_random_uuid(), @type, 'null', now() - interval '402 days', now() - interval '401 days', 0),
              (gen_random_uuid(), @kept, 'null', now() - interval '2 days', now() - interval '1 day', 0)
            RETURNING 1
            """, r => r.GetInt32(0), ("type", marker), ("kept", marker + "-kept"));
        await Eventually.Holds(async () => (await Counter.ReadAsync("customerdb", """SELECT count(*) FROM "OutboxMessages" WHERE "MessageType" = @type""", r => r.GetInt64(0), ("type", marker))).Single() == 0,
            Patience, "retention to remove the archived events past 400 days");
        Assert.Equal(1, (await Counter.ReadAsync("customerdb", """SELECT count(*) FROM "OutboxMessages" WHERE "MessageType" = @type""", r => r.GetInt64(0), ("type", marker + "-kept"))).Single());
        TestReport.Write(output, "Two instances: scheduled work", $"Follow-up rules for the new store ran once, for {runs[0].Day:yyyy-MM-dd} at {runs[0].RanAt:HH:mm:ss}; retention removed the 2 expired archive rows and kept the recent one.");
    }

    [Fact]
    public async Task The_gateways_sign_in_limit_is_counted_once_across_both_gateway_instances()
    {
        // Five attempts a minute per account and address (ReplicatedFixture); the orchestrator's proxy spreads them over both gateways.
        var username = $"nobody.{Guid.NewGuid():N}"[..24];
        var answers = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            using var client = system.Anonymous();
            answers.Add((int)(await client.PostAsJsonAsync("/auth/token", new { username, password = "Wrong#2026" })).StatusCode);
        }

        Assert.Equal([401, 401, 401, 401, 401, 429, 429, 429], answers);
    }

    [Fact]
    public async Task The_console_keeps_its_user_signed_in_whichever_instance_answers()
    {
        // The sign-in form's antiforgery token and the cookie are encrypted with the console's key ring: one instance
        // must read what the other wrote. The orchestrator's proxy alternates the requests between the two.
        using var console = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = system.App.GetEndpoint("gateway", "http"),
        };
        var form = await console.GetStringAsync("/signin");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(antiforgery);

        var signedIn = await console.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["__RequestVerificationToken"] = antiforgery, ["Input.Username"] = "sh01.cm", ["Input.Password"] = "Store#2026",
        }));
        Assert.True(signedIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found, $"The sign-in answered {(int)signedIn.StatusCode}");
        Assert.Equal("/", new Uri(console.BaseAddress!, signedIn.Headers.Location!).AbsolutePath);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("crm.console", StringComparison.Ordinal));

        var pages = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) pages.Add((await console.GetAsync("/")).StatusCode);
        Assert.All(pages, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private async Task<long> EventsSinceAsync(DateTimeOffset since)
    {
        long events = 0;
        foreach (var database in InstanceSplit.Databases.Values)
            events += (await Counter.ReadAsync(database, """SELECT count(*) FROM "OutboxMessages" WHERE "CreatedAt" >= @since""", r => r.GetInt64(0), ("since", since))).Single();
        return events;
    }

    private sealed record NewStore(Guid Id, string Code, HttpClient Manager);

    /// <summary>A store opened for the test, with its own customer manager and designers, known to every service.</summary>
    private async Task<NewStore> NewStoreAsync(int designers)
    {
        var code = $"R{Random.Shared.Next(10_000, 99_999)}";
        var opened = await system.Gateway.PostAsJsonAsync("/api/stores", new { code, name = "双实例门店", city = "上海" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 1; i <= designers; i++)
        {
            var name = $"设计师{i}";
            await Eventually.Holds(async () => (await system.Gateway.PostAsJsonAsync("/api/dispatch/designers",
                new { storeId = id, name, level = "Designer", chargesDesignFee = false, styles = Array.Empty<string>(), notes = "" })).StatusCode == HttpStatusCode.Created,
                Patience, "the dispatch service to know the store");
        }
        var username = $"{code.ToLowerInvariant()}.cm";
        await Eventually.Holds(async () => (await system.Gateway.PostAsJsonAsync("/api/staff",
            new { username, password = "Store#2026", displayName = "客户经理", role = "CustomerManager", storeId = id })).StatusCode == HttpStatusCode.Created,
            Patience, "the gateway to know the store");
        return new NewStore(id, code, await system.SignInAsync(username, "Store#2026"));
    }
}
