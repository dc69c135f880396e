using Npgsql;

namespace Crm.SystemTests.Shards;

/// <summary>
/// Two stores on two PostgreSQL servers (README, "PostgreSQL by store"): store A on "home", store B on "shard2". The same
/// day's work in each gets the same answers; every row of A is on the first server only and every row of B on the second
/// only; the chain's reads cover both, a phone number is one customer and a form's serial one form across both.
/// </summary>
[Collection(ShardedCollection.Name)]
[Trait("Category", "Shards")]
public sealed class ShardedStoreTests(ShardedFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Tables of the whole chain, kept in each service's home database or on every shard: not a store's rows.</summary>
    private static readonly string[] ChainTables = ["PhoneClaims", "StorePlacements", "Staff", "InboxMessages", "OutboxMessages"];

    [Fact]
    public async Task Each_store_is_on_its_own_shard_with_the_same_answers_and_the_chain_reads_both()
    {
        var a = await OpenStoreAsync("home");
        var b = await OpenStoreAsync(ShardedFixture.SecondShard);

        var workA = await DayOfWorkAsync(a);
        var workB = await DayOfWorkAsync(b);
        TestReport.Write(output, "Two shards: the same day's work", $"Store A (home): {workA}\nStore B (shard2): {workB}");
        Assert.Equal(workA with { Store = "" }, workB with { Store = "" });

        // Every row of a store is on its own shard, in every sharded service's database, and on no other.
        var placed = new List<string>();
        foreach (var database in ShardedFixture.ShardedDatabases)
        {
            foreach (var (store, own, other) in new[] { (a, "home", ShardedFixture.SecondShard), (b, ShardedFixture.SecondShard, "home") })
            {
                var elsewhere = await StoreRowsAsync(ShardedFixture.Database(database, other), store.Id);
                Assert.True(elsewhere.Count == 0, $"{store.Code}'s rows in {database} on {other}: {string.Join(", ", elsewhere.Select(t => $"{t.Key} {t.Value}"))}");
                var here = await StoreRowsAsync(ShardedFixture.Database(database, own), store.Id);
                Assert.True(here.GetValueOrDefault("Stores") == 1, $"{store.Code}'s store copy in {database} on {own}: {here.GetValueOrDefault("Stores")}");
                placed.Add($"{store.Code} in {database} on {own}: {string.Join(", ", here.Select(t => $"{t.Key} {t.Value}"))}");
            }
        }
        TestReport.Write(output, "Two shards: where the rows are", string.Join("\n", placed));

        // The chain's staff read both stores: by id, in chain-wide lists and in the chain's figures.
        foreach (var store in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync($"/api/customers/{store.CustomerId}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await system.Gateway.GetAsync($"/api/stores/{store.Id}")).StatusCode);
        }
        var stores = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/stores?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("home", stores.Single(s => s.GetProperty("id").GetGuid() == a.Id).GetProperty("shard").GetString());
        Assert.Equal(ShardedFixture.SecondShard, stores.Single(s => s.GetProperty("id").GetGuid() == b.Id).GetProperty("shard").GetString());
        var customers = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/customers?pageSize=200");
        var listed = customers.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(a.CustomerId, listed);
        Assert.Contains(b.CustomerId, listed);
        Assert.Equal(listed.Count, customers.GetProperty("total").GetInt64());

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var perStore = 0;
        foreach (var store in stores)
            perStore += (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/customer-resources?storeId={store.GetProperty("id").GetGuid()}&from={today}&to={today}"))
                .GetProperty("total").GetProperty("newRegistered").GetInt32();
        var chain = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/customer-resources?from={today}&to={today}&by=store")).GetProperty("total").GetProperty("newRegistered").GetInt32();
        Assert.Equal(perStore, chain);
        Assert.True(chain >= 2, $"{chain} registered in the chain today");

        // One phone number is one customer across the chain: B cannot register A's customer's number.
        var duplicate = await b.Manager.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "重复客户", phone = a.Phone });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate-phone", problem.GetProperty("code").GetString());
        Assert.Equal(a.CustomerNo, problem.GetProperty("customerNo").GetString());
        Assert.Equal(a.Id, problem.GetProperty("storeId").GetGuid());

        // A contract form's serial exists once in the chain: B cannot receive a form A holds.
        var serialTaken = await b.Manager.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = a.FirstSerial, toSerial = a.FirstSerial });
        Assert.Equal(HttpStatusCode.Conflict, serialTaken.StatusCode);
        var refused = await serialTaken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate-serial", refused.GetProperty("code").GetString());
        Assert.Equal([a.FirstSerial], refused.GetProperty("serials").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>What a store's day of work answered, with the store's own numbers and ids left out.</summary>
    private sealed record DayOfWork(
        string Store, string CustomerNoShape, string StageAfterDispatch, string AssignmentKind, int Candidates, string FollowUpTask,
        int FormsReceived, string StageAfterMeasure, int NewRegistered, int Deposits, decimal DepositAmount, int FormsInStock);

    private sealed record OpenedStore(Guid Id, string Code, HttpClient Manager)
    {
        public Guid CustomerId { get; set; }
        public string CustomerNo { get; set; } = "";
        public string Phone { get; set; } = "";
        public string FirstSerial { get; set; } = "";
    }

    /// <summary>A store opened on the shard, with two designers and a customer manager, known to every service.</summary>
    private async Task<OpenedStore> OpenStoreAsync(string shard)
    {
        var code = $"S{Random.Shared.Next(10_000, 99_999)}";
        var opened = await system.Gateway.PostAsJsonAsync("/api/stores", new { code, name = "分片门店", city = "上海", shard });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(shard, body.GetProperty("shard").GetString());
        var id = body.GetProperty("id").GetGuid();
        foreach (var (name, level) in new[] { ("设计师甲", "Senior"), ("设计师乙", "Designer") })
            await Eventually.Holds(async () => (await system.Gateway.PostAsJsonAsync("/api/dispatch/designers",
                new { storeId = id, name, level, chargesDesignFee = false, styles = Array.Empty<string>(), notes = "" })).StatusCode == HttpStatusCode.Created,
                Patience, "the dispatch service to know the store");
        var username = $"{code.ToLowerInvariant()}.cm";
        await Eventually.Holds(async () => (await system.Gateway.PostAsJsonAsync("/api/staff",
            new { username, password = "Store#2026", displayName = "客户经理", role = "CustomerManager", storeId = id })).StatusCode == HttpStatusCode.Created,
            Patience, "the gateway to know the store");
        return new OpenedStore(id, code, await system.SignInAsync(username, "Store#2026"));
    }

    /// <summary>Register, dispatch, a deposit and a measurement, a follow-up task, forms received, the store's figures.</summary>
    private async Task<DayOfWork> DayOfWorkAsync(OpenedStore store)
    {
        var cm = store.Manager;
        store.Phone = $"139{Random.Shared.Next(0, 99_999_999):D8}";
        var registered = await cm.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "分片客户", phone = store.Phone });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customer = await registered.Content.ReadFromJsonAsync<JsonElement>();
        store.CustomerId = customer.GetProperty("id").GetGuid();
        store.CustomerNo = customer.GetProperty("customerNo").GetString()!;

        var assignment = await Eventually.Returns(async () =>
        {
            var page = await cm.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={store.CustomerId}");
            return page.GetProperty("items").EnumerateArray().Select(a => new[] { a }).FirstOrDefault();
        }, Patience, "the automatic dispatch");
        var trace = (await cm.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments/{assignment[0].GetProperty("id").GetGuid()}")).GetProperty("trace");
        var stage = await Eventually.Returns(async () =>
        {
            var shown = await cm.GetFromJsonAsync<JsonElement>($"/api/customers/{store.CustomerId}");
            return shown.GetProperty("designer").ValueKind == JsonValueKind.Object ? shown.GetProperty("stage").GetString() : null;
        }, Patience, "the designer on the customer");

        Assert.Equal(HttpStatusCode.Created, (await cm.PostAsJsonAsync($"/api/customers/{store.CustomerId}/milestones", new { type = "DepositPaid", amount = 2000m, depositKind = "Measurement" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await cm.PostAsJsonAsync($"/api/customers/{store.CustomerId}/milestones", new { type = "Measured" })).StatusCode);
        var task = await Eventually.Returns(async () =>
        {
            var page = await cm.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?customerId={store.CustomerId}");
            return page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).FirstOrDefault();
        }, Patience, "the first follow-up task");

        var serial = $"{store.Code}-{Random.Shared.Next(1000, 9999)}";
        store.FirstSerial = serial + "1";
        var received = await cm.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = serial + "1", toSerial = serial + "3" });
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        var formsReceived = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength();
        var inStock = (await cm.GetFromJsonAsync<JsonElement>("/api/contracts/forms?state=InStock")).GetProperty("total").GetInt32();

        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var figures = await Eventually.Returns(async () =>
        {
            var total = (await cm.GetFromJsonAsync<JsonElement>($"/api/reports/customer-resources?from={today}&to={today}")).GetProperty("total");
            return total.GetProperty("deposits").GetInt32() == 1 ? new[] { total } : null;
        }, Patience, "the deposit in the store's figures");
        var measured = await Eventually.Returns(async () =>
        {
            var shown = await cm.GetFromJsonAsync<JsonElement>($"/api/customers/{store.CustomerId}");
            return shown.GetProperty("stage").GetString() is { } now && now != stage ? now : null;
        }, Patience, "the stage after the measurement");

        return new DayOfWork(store.Code, store.CustomerNo.Replace(store.Code, "{code}"), stage!, trace.GetProperty("kind").GetString()!,
            trace.GetProperty("designers").GetArrayLength(), task!, formsReceived, measured!, figures[0].GetProperty("newRegistered").GetInt32(),
            figures[0].GetProperty("deposits").GetInt32(), figures[0].GetProperty("depositAmount").GetDecimal(), inStock);
    }

    /// <summary>How many rows of the store each table of a database holds (tables of the whole chain left out; a store copy counted by its id).</summary>
    private async Task<Dictionary<string, long>> StoreRowsAsync(string database, Guid storeId)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database)
            ?? throw new InvalidOperationException($"No connection string for {database}."));
        await connection.OpenAsync();
        var tables = new List<(string Table, string Column)>();
        await using (var columns = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND ((column_name = 'StoreId') OR (table_name = 'Stores' AND column_name = 'Id'))
            """, connection))
        await using (var reader = await columns.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add((reader.GetString(0), reader.GetString(1)));
        var rows = new Dictionary<string, long>();
        foreach (var (table, column) in tables.Where(t => !ChainTables.Contains(t.Table)))
        {
            await using var count = new NpgsqlCommand($"""SELECT count(*) FROM "{table}" WHERE "{column}" = @store""", connection);
            count.Parameters.AddWithValue("store", storeId);
            if ((long)(await count.ExecuteScalarAsync())! is var n and > 0) rows[table] = n;
        }
        return rows;
    }
}
