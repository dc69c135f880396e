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
    private readonly ShardedStoreWork _work = new(system);

    [Fact]
    public async Task Each_store_is_on_its_own_shard_with_the_same_answers_and_the_chain_reads_both()
    {
        var a = await _work.OpenStoreAsync("home");
        var b = await _work.OpenStoreAsync(ShardedFixture.SecondShard);

        var workA = await _work.DayOfWorkAsync(a);
        var workB = await _work.DayOfWorkAsync(b);
        TestReport.Write(output, "Two shards: the same day's work", $"Store A (home): {workA}\nStore B (shard2): {workB}");
        Assert.Equal(workA with { Store = "" }, workB with { Store = "" });

        // Every row of a store is on its own shard, in every sharded service's database, and on no other.
        var placed = new List<string>();
        foreach (var database in ShardedFixture.ShardedDatabases)
        {
            foreach (var (store, own, other) in new[] { (a, "home", ShardedFixture.SecondShard), (b, ShardedFixture.SecondShard, "home") })
            {
                var elsewhere = await _work.StoreRowsAsync(ShardedFixture.Database(database, other), store.Id);
                Assert.True(elsewhere.Count == 0, $"{store.Code}'s rows in {database} on {other}: {string.Join(", ", elsewhere.Select(t => $"{t.Key} {t.Value}"))}");
                var here = await _work.StoreRowsAsync(ShardedFixture.Database(database, own), store.Id);
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
}
