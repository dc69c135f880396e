using Npgsql;

namespace Crm.SystemTests.Shards;

/// <summary>
/// The operator moves a store from "home" to "shard2", one service after the other (README, "Moving a store"): the store's
/// answers are the same afterwards, every row is copied and then gone from home, a registration made while reports was
/// moving reaches reports all the same, and the store's work goes on on its new shard.
/// </summary>
[Collection(ShardedCollection.Name)]
[Trait("Category", "Shards")]
public sealed class StoreMoveTests(ShardedFixture system, ITestOutputHelper output)
{
    private static readonly (string Service, string Database)[] Services =
        [("customers", "customerdb"), ("dispatch", "dispatchdb"), ("contracts", "contractdb"), ("followups", "followupdb"), ("reports", "reportdb")];

    private readonly ShardedStoreWork _work = new(system);

    [Fact]
    public async Task A_store_moved_to_another_shard_answers_as_before_keeps_the_messages_of_the_move_and_leaves_no_row_behind()
    {
        var store = await _work.OpenStoreAsync("home");
        await _work.DayOfWorkAsync(store);
        var answersBefore = await AnswersAsync(store);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        var figuresBefore = await FiguresAsync(store, today);

        var moved = new List<string>();
        var parked = 0;
        Guid newcomer = default;
        string newcomerNo = "";
        foreach (var (service, database) in Services)
        {
            var rowsBefore = await _work.StoreRowsAsync(database, store.Id);
            var move = MoveAsync(service, store.Id, ShardedFixture.SecondShard);
            if (service == "reports")
            {
                // While reports moves, the store's reports answer 503 store-moving and its events are kept for it.
                var refused = await Eventually.Returns(async () =>
                {
                    var answer = await store.Manager.GetAsync($"/api/reports/customer-resources?from={today}&to={today}");
                    return answer.StatusCode == HttpStatusCode.ServiceUnavailable ? new[] { await answer.Content.ReadFromJsonAsync<JsonElement>() } : null;
                }, ShardedStoreWork.Patience, "reports to mark the store as moving");
                Assert.Equal("store-moving", refused[0].GetProperty("code").GetString());
                var registered = await store.Manager.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "搬迁中客户", phone = $"137{Random.Shared.Next(0, 99_999_999):D8}" });
                Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
                var body = await registered.Content.ReadFromJsonAsync<JsonElement>();
                (newcomer, newcomerNo) = (body.GetProperty("id").GetGuid(), body.GetProperty("customerNo").GetString()!);
            }
            var done = await move;
            Assert.True(done.StatusCode == HttpStatusCode.OK, $"{service}: {(int)done.StatusCode} {await done.Content.ReadAsStringAsync()}");
            var result = await done.Content.ReadFromJsonAsync<JsonElement>();
            var copied = result.GetProperty("copied").EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetInt64());
            Assert.Equal(("home", ShardedFixture.SecondShard), (result.GetProperty("from").GetString(), result.GetProperty("to").GetString()));
            Assert.Equal(rowsBefore.OrderBy(t => t.Key), copied.Where(t => rowsBefore.ContainsKey(t.Key)).OrderBy(t => t.Key));
            Assert.Equal(rowsBefore.Values.Sum(), result.GetProperty("removed").GetInt64());
            parked += result.GetProperty("messagesSentAgain").GetInt32();
            moved.Add($"{service}: {string.Join(", ", copied.Select(t => $"{t.Key} {t.Value}"))}; {result.GetProperty("messagesSentAgain").GetInt32()} message(s) kept and sent again");
        }
        TestReport.Write(output, "Moving a store: what each service copied", string.Join("\n", moved));

        // The registration made while reports moved was kept, sent again, and counted.
        Assert.True(parked >= 1, "no message was kept while reports moved");
        Assert.Equal($"{store.Code}-{today[..4]}-000002", newcomerNo);
        var figures = await Eventually.Returns(async () =>
        {
            var now = await FiguresAsync(store, today);
            return now.NewRegistered == figuresBefore.NewRegistered + 1 ? new[] { now } : null;
        }, ShardedStoreWork.Patience, "the registration made during the move in the store's figures");
        Assert.Equal(figuresBefore with { NewRegistered = figuresBefore.NewRegistered + 1 }, figures[0]);
        await Eventually.Holds(async () => (await store.Manager.GetFromJsonAsync<JsonElement>($"/api/customers/{newcomer}")).GetProperty("designer").ValueKind == JsonValueKind.Object,
            ShardedStoreWork.Patience, "the newcomer dispatched on the new shard");

        // The first customer's records answer as they did; every row is on shard2 and none is left at home.
        Assert.Equal(answersBefore, await AnswersAsync(store));
        foreach (var (service, database) in Services)
        {
            var left = await _work.StoreRowsAsync(database, store.Id);
            Assert.True(left.Count == 0, $"{service} left rows at home: {string.Join(", ", left.Select(t => $"{t.Key} {t.Value}"))}");
            var there = await _work.StoreRowsAsync(ShardedFixture.Database(database, ShardedFixture.SecondShard), store.Id);
            Assert.Equal(1L, there.GetValueOrDefault("Stores"));
            Assert.Equal(0L, await KeptAsync(database, store.Id));
        }
        var stores = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/stores?pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Equal(ShardedFixture.SecondShard, stores.Single(s => s.GetProperty("id").GetGuid() == store.Id).GetProperty("shard").GetString());

        // The store's work goes on: forms received on the new shard continue its custody ledger.
        var serial = $"{store.Code}-M{Random.Shared.Next(100, 999)}";
        Assert.Equal(HttpStatusCode.Created, (await store.Manager.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = serial + "1", toSerial = serial + "2" })).StatusCode);
        Assert.Equal(5, (await store.Manager.GetFromJsonAsync<JsonElement>("/api/contracts/forms?state=InStock")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_move_to_where_the_store_is_to_no_shard_or_by_a_store_user_is_refused_and_changes_nothing()
    {
        var store = await _work.OpenStoreAsync("home");

        var there = await MoveAsync("customers", store.Id, "home");
        var nowhere = await MoveAsync("customers", store.Id, "moon");
        var unknown = await MoveAsync("customers", Guid.NewGuid(), ShardedFixture.SecondShard);
        var byStore = await store.Manager.PostAsJsonAsync($"/api/operations/customers/stores/{store.Id}/move", new { to = ShardedFixture.SecondShard });

        Assert.Equal(HttpStatusCode.Conflict, there.StatusCode);
        Assert.Equal("already-there", (await there.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.True((await nowhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStore.StatusCode);
        var placement = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/operations/customers/stores/{store.Id}/placement");
        Assert.Equal(("home", false), (placement.GetProperty("shard").GetString(), placement.GetProperty("moving").GetBoolean()));
    }

    private Task<HttpResponseMessage> MoveAsync(string service, Guid storeId, string to) =>
        system.Gateway.PostAsJsonAsync($"/api/operations/{service}/stores/{storeId}/move", new { to });

    /// <summary>What the store's staff read of its first customer, its forms and its follow-ups, as text.</summary>
    private static async Task<string[]> AnswersAsync(ShardedStoreWork.OpenedStore store)
    {
        var cm = store.Manager;
        string[] paths =
        [
            $"/api/customers/{store.CustomerId}", $"/api/dispatch/assignments?customerId={store.CustomerId}", "/api/contracts/forms?pageSize=200",
            $"/api/contracts/forms/{store.FirstSerial}/custody", $"/api/followups/tasks?customerId={store.CustomerId}",
        ];
        var answers = new List<string>();
        foreach (var path in paths) answers.Add($"{path}: {await cm.GetStringAsync(path)}");
        return [.. answers];
    }

    private sealed record Figures(int NewRegistered, int Deposits, decimal DepositAmount);

    private static async Task<Figures> FiguresAsync(ShardedStoreWork.OpenedStore store, string day)
    {
        var total = (await store.Manager.GetFromJsonAsync<JsonElement>($"/api/reports/customer-resources?from={day}&to={day}")).GetProperty("total");
        return new(total.GetProperty("newRegistered").GetInt32(), total.GetProperty("deposits").GetInt32(), total.GetProperty("depositAmount").GetDecimal());
    }

    /// <summary>The store's messages still kept in the service's home database.</summary>
    private async Task<long> KeptAsync(string database, Guid storeId)
    {
        await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "MovingStoreMessages" WHERE "StoreId" = @store""", connection);
        command.Parameters.AddWithValue("store", storeId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
