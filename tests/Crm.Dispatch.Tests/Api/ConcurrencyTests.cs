using Microsoft.EntityFrameworkCore;

namespace Crm.Dispatch.Tests.Api;

/// <summary>
/// Rotation and the holding cap stay exact when many customers of one store are dispatched at the same
/// moment by two instances of the service: the store is serialised in the database, not in memory.
/// </summary>
[Collection(BulkMessaging.Name)]
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private ServiceFactory<Program> _first = null!;
    private ServiceFactory<Program> _second = null!;
    private readonly DispatchServiceFixture _fixture = new();

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _first = _fixture.Service;
        _second = _first.SecondInstance();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_customers_registered_at_once_go_twenty_to_each_of_ten_equal_designers()
    {
        var store = await _fixture.OpenStoreAsync(s => s with { HoldingCap = 1000 });
        var designers = await _fixture.AddDesignersAsync(store, 10);
        var registrations = Enumerable.Range(0, 200).Select(_ => DispatchServiceFixture.Registered(store)).ToArray();

        await _fixture.PublishAsync(registrations);

        await Eventually.Holds(async () => await _fixture.InDatabase(db => db.Assignments.CountAsync(a => a.StoreId == store)) == 200,
            TimeSpan.FromSeconds(120), "all 200 customers to be dispatched");
        var perDesigner = await _fixture.InDatabase(db => db.Assignments.Where(a => a.StoreId == store).GroupBy(a => a.DesignerId)
            .Select(g => g.Count()).ToListAsync());
        Assert.Equal(Enumerable.Repeat(20, 10), perDesigner);
        Assert.Equal(200, await _fixture.InDatabase(db => db.Assignments.Where(a => a.StoreId == store).Select(a => a.CustomerId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task With_the_cap_at_three_and_deposits_recorded_nobody_ever_holds_more_than_three()
    {
        var store = await _fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        var designers = await _fixture.AddDesignersAsync(store, 10);
        var customers = new List<Guid>();
        for (var i = 0; i < 200; i++) customers.Add(await _fixture.CustomerAsync(store));
        await _fixture.PublishAsync(customers.Select(c => DispatchServiceFixture.Milestone(store, c, MilestoneType.DepositPaid)).ToArray());
        await Eventually.Holds(async () => await _fixture.InDatabase(db => db.CustomerFiles.CountAsync(f => f.StoreId == store && f.DepositPaidAt != null)) == 200,
            TimeSpan.FromSeconds(60), "the deposits to arrive");
        var clients = new[] { _first.ClientAs(), _second.ClientAs() };

        var responses = await Task.WhenAll(customers.Select((c, i) => clients[i % 2].PostAsJsonAsync("/api/dispatch/assignments", new { customerId = c })));

        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(170, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var holdings = await _fixture.InDatabase(db => db.CustomerFiles.Where(f => f.StoreId == store && f.DesignerId != null && f.DepositPaidAt != null)
            .GroupBy(f => f.DesignerId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Enumerable.Repeat(3, 10), holdings);
        Assert.Equal(30, await _fixture.InDatabase(db => db.Assignments.CountAsync(a => a.StoreId == store)));
    }
}

/// <summary>
/// Tests that publish hundreds of messages run alone: every host in the test process has its queues bound to
/// the same exchanges, and another class's host would receive the messages too and retry them as unknown.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BulkMessaging
{
    public const string Name = "bulk messaging";
}
