extern alias customers;

using CustomerService = customers::Program;

namespace Crm.Followups.Tests;

/// <summary>
/// Services start in any order and lose nothing: the customer service announces a store and its customers
/// before the follow-up service has ever run (no queue of it exists); the follow-up service, started
/// afterwards, asks for the archives on its first start and makes every task as if it had been there.
/// </summary>
public sealed class StartOrderTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private ServiceFactory<CustomerService> _customers = null!;
    private ServiceFactory<Program>? _followups;

    public async Task InitializeAsync()
    {
        _customers = await ServiceFactory<CustomerService>.StartAsync("customerdb");
        await _customers.BusReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_followups is not null) await _followups.DisposeAsync();
        await _customers.DisposeAsync();
    }

    [Fact]
    public async Task A_service_started_after_the_announcements_hears_every_one()
    {
        var admin = _customers.ClientAs();
        var opened = await admin.PostAsJsonAsync("/api/stores", new { code = "SO" + Random.Shared.Next(100, 999), name = "后开店", city = "上海" });
        var store = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var customers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var registered = await admin.PostAsJsonAsync("/api/customers",
                new { storeId = store, source = "WalkIn", name = $"顾客{i}", phone = $"137{Random.Shared.Next(0, 99_999_999):D8}" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            customers.Add((await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        // Every announcement has left the customer service before the follow-up service first starts.
        await Eventually.Holds(async () =>
            (await admin.GetFromJsonAsync<JsonElement>("/operations/outbox")).GetProperty("pending").GetInt64() == 0, Patience, "the announcements to be published");

        _followups = new ServiceFactory<Program>("followupdb", await TestServers.CreateDatabaseAsync("followupdb")) { ReplayOnFirstStart = true };
        var tasks = _followups.ClientAs();
        var items = await Eventually.Returns(async () =>
        {
            var found = await tasks.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?storeId={store}");
            return found.GetProperty("total").GetInt32() == 3 ? found.GetProperty("items").EnumerateArray().ToList() : null;
        }, Patience, "the three first follow-ups");

        Assert.Equal(customers.Order(), items.Select(t => t.GetProperty("customerId").GetGuid()).Order());
        Assert.All(items, t => Assert.Equal("FirstFollowUp", t.GetProperty("kind").GetString()));
    }
}
