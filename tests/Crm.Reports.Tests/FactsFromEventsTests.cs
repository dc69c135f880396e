using Crm.Reports.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>The read model fed by the other services' events on the real broker: days counted in the store's own time zone.</summary>
public sealed class FactsFromEventsTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("reportdb");
        await _service.BusReadyAsync();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Registrations_dispatches_milestones_and_completeness_become_facts_on_the_stores_local_day()
    {
        var bus = _service.Services.GetRequiredService<IBus>();
        var store = Guid.CreateVersion7();
        await bus.Publish(new StoreOpened { StoreId = store, Code = "E" + Random.Shared.Next(100, 999), Name = "事件店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-1) });
        // 23:30 on 30 November in Shanghai is still November; ten past midnight is December.
        var (late, early) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await bus.Publish(Registered(store, late, new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero), 0.6m));
        await bus.Publish(Registered(store, early, new DateTimeOffset(2026, 11, 30, 16, 10, 0, TimeSpan.Zero), 0.2m));
        var designer = Guid.NewGuid();
        await bus.Publish(new CustomerDispatched { StoreId = store, CustomerId = late, AssignmentId = Guid.NewGuid(), DesignerId = designer, DesignerName = "陈设计", DispatchedAt = new DateTimeOffset(2026, 11, 30, 15, 40, 0, TimeSpan.Zero) });
        await Eventually.Holds(() => InDatabase(db => db.Dispatches.AnyAsync(d => d.CustomerId == late && d.DesignerId == designer)), TimeSpan.FromSeconds(30), "the dispatch");
        await bus.Publish(new MilestoneRecorded
        {
            StoreId = store, CustomerId = late, MilestoneId = Guid.NewGuid(), Type = MilestoneType.DepositPaid, At = new DateTimeOffset(2026, 11, 30, 15, 50, 0, TimeSpan.Zero),
            Stage = CustomerStage.DepositPaid, Amount = 2000m, DepositKind = DepositKind.Measurement, RecordedBy = "王芳",
        });
        await bus.Publish(new CustomerDetailsChanged { StoreId = store, CustomerId = late, Fields = ["address"], ChangedAt = new DateTimeOffset(2026, 11, 30, 15, 55, 0, TimeSpan.Zero), Completeness = 0.8m });
        await Eventually.Holds(async () => await InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == late)) == 1
            && await InDatabase(db => db.Completeness.CountAsync(c => c.CustomerId == late)) == 2
            && await InDatabase(db => db.Customers.AnyAsync(c => c.Id == early)), TimeSpan.FromSeconds(30), "the facts");

        var manager = _service.ClientAs("StoreManager", store);
        var november = (await manager.GetFromJsonAsync<JsonElement>("/api/reports/customer-resources?from=2026-11-01&to=2026-11-30")).GetProperty("total");
        var december = (await manager.GetFromJsonAsync<JsonElement>("/api/reports/customer-resources?from=2026-12-01&to=2026-12-31")).GetProperty("total");

        Assert.Equal((1, 1, 1, 2000m, 0.8m), (november.GetProperty("newRegistered").GetInt32(), november.GetProperty("inNegotiation").GetInt32(),
            november.GetProperty("deposits").GetInt32(), november.GetProperty("depositAmount").GetDecimal(), november.GetProperty("completenessRate").GetDecimal()));
        Assert.Equal((1, 1, 0.2m), (december.GetProperty("newRegistered").GetInt32(), december.GetProperty("inNegotiation").GetInt32(), december.GetProperty("completenessRate").GetDecimal()));
        var milestone = await InDatabase(db => db.Milestones.AsNoTracking().SingleAsync(m => m.CustomerId == late));
        Assert.Equal((new DateOnly(2026, 11, 30), (Guid?)designer), (milestone.Day, milestone.DesignerId));
    }

    private static CustomerRegistered Registered(Guid store, Guid id, DateTimeOffset at, decimal completeness) => new()
    {
        StoreId = store, CustomerId = id, CustomerNo = "E-" + Random.Shared.Next(100_000, 999_999), Source = CustomerSource.WalkIn, RegisteredAt = at, Completeness = completeness,
    };

    private async Task<T> InDatabase<T>(Func<ReportDbContext, Task<T>> read)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ReportDbContext>());
    }
}
