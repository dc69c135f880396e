using Crm.Dispatch.Data;
using Crm.Dispatch.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Dispatch.Tests.Api;

/// <summary>
/// Registrations are filed at once and dispatched by store: a store whose dispatches are held up (its lock
/// taken, as by a long burst) holds up nobody else's, and its own customers are dispatched in rotation after.
/// </summary>
[Collection(BulkMessaging.Name)]
public sealed class AutomaticDispatchTests : IAsyncLifetime
{
    private readonly DispatchServiceFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_store_whose_lock_is_held_does_not_hold_up_another_stores_automatic_dispatch()
    {
        var busy = await _fixture.OpenStoreAsync();
        var quiet = await _fixture.OpenStoreAsync();
        var busyDesigners = await _fixture.AddDesignersAsync(busy, 2);
        var quietDesigner = (await _fixture.AddDesignersAsync(quiet, 1)).Single();
        var burst = Enumerable.Range(0, 40).Select(_ => DispatchServiceFixture.Registered(busy)).ToArray();
        var walkIn = DispatchServiceFixture.Registered(quiet);

        await using (var scope = _fixture.Service.Services.CreateAsyncScope())
        {
            // The busy store's lock, taken as a dispatch takes it, on a connection of the test's own.
            var connection = scope.ServiceProvider.GetRequiredService<DispatchDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var held = await connection.BeginTransactionAsync();
            await using (var lockStore = connection.CreateCommand())
            {
                lockStore.CommandText = $"SELECT 1 FROM \"Stores\" WHERE \"Id\" = '{busy}' FOR NO KEY UPDATE";
                Assert.Equal(1, await lockStore.ExecuteScalarAsync());
            }

            await _fixture.PublishAsync(burst);
            await _fixture.PublishAsync(walkIn);

            await Eventually.Holds(async () => await _fixture.InDatabase(db => db.Assignments.CountAsync(a => a.CustomerId == walkIn.CustomerId)) == 1,
                TimeSpan.FromSeconds(60), "the quiet store's customer to be dispatched while the busy store's lock is held");
            var assignment = await _fixture.InDatabase(db => db.Assignments.SingleAsync(a => a.CustomerId == walkIn.CustomerId));
            Assert.Equal((quietDesigner.Id, DispatchKind.Automatic, AutomaticDispatch.RequestedBy), (assignment.DesignerId, assignment.Kind, assignment.RequestedBy));
            await Eventually.Holds(async () => await _fixture.InDatabase(db => db.CustomerFiles.CountAsync(f => f.StoreId == busy && f.AwaitingDispatchSince != null)) == 40,
                TimeSpan.FromSeconds(60), "the busy store's 40 customers to be filed, waiting for its lock");
            Assert.Equal(0, await _fixture.InDatabase(db => db.Assignments.CountAsync(a => a.StoreId == busy)));
            await held.RollbackAsync();
        }

        await Eventually.Holds(async () => await _fixture.InDatabase(db => db.Assignments.CountAsync(a => a.StoreId == busy)) == 40,
            TimeSpan.FromSeconds(60), "the busy store's 40 customers to be dispatched once its lock is free");
        var perDesigner = await _fixture.InDatabase(db => db.Assignments.Where(a => a.StoreId == busy).GroupBy(a => a.DesignerId).Select(g => g.Count()).ToListAsync());
        Assert.Equal([20, 20], perDesigner);
        Assert.Equal(0, await _fixture.InDatabase(db => db.CustomerFiles.CountAsync(f => f.StoreId == busy && f.AwaitingDispatchSince != null)));
        Assert.Equal(busyDesigners.Select(d => d.Id).Order(), (await _fixture.InDatabase(db => db.Assignments.Where(a => a.StoreId == busy).Select(a => a.DesignerId).Distinct().ToListAsync())).Order());
    }
}
