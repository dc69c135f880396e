using Npgsql;

namespace Crm.SystemTests.Shards;

/// <summary>A store opened on a shard of the sharded installation, its day of work, and where its rows are.</summary>
public sealed class ShardedStoreWork(ShardedFixture system)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Tables of the whole chain, kept in each service's home database or on every shard: not a store's rows.</summary>
    private static readonly string[] ChainTables = ["PhoneClaims", "StorePlacements", "Staff", "InboxMessages", "OutboxMessages", "MovingStoreMessages"];

    /// <summary>What a store's day of work answered, with the store's own numbers and ids left out.</summary>
    public sealed record DayOfWork(
        string Store, string CustomerNoShape, string StageAfterDispatch, string AssignmentKind, int Candidates, string FollowUpTask,
        int FormsReceived, string StageAfterMeasure, int NewRegistered, int Deposits, decimal DepositAmount, int FormsInStock);

    public sealed record OpenedStore(Guid Id, string Code, HttpClient Manager)
    {
        public Guid CustomerId { get; set; }
        public string CustomerNo { get; set; } = "";
        public string Phone { get; set; } = "";
        public string FirstSerial { get; set; } = "";
    }

    /// <summary>A store opened on the shard, with two designers and a customer manager, known to every service.</summary>
    public async Task<OpenedStore> OpenStoreAsync(string shard)
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
    public async Task<DayOfWork> DayOfWorkAsync(OpenedStore store)
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
    public async Task<Dictionary<string, long>> StoreRowsAsync(string database, Guid storeId)
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
