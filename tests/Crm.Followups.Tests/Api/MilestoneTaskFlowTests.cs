using Crm.Followups.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Followups.Tests.Api;

/// <summary>Milestones announced on the real broker move a customer's tasks in the follow-up service's database.</summary>
public sealed class MilestoneTaskFlowTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("followupdb");
        await _service.BusReadyAsync();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<List<FollowUpTask>> TasksAsync(Guid customer)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowupDbContext>().Tasks.AsNoTracking().Where(t => t.CustomerId == customer).OrderBy(t => t.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task A_signing_closes_the_first_follow_up_and_construction_brings_a_site_follow_up()
    {
        var bus = _service.Services.GetRequiredService<IBus>();
        var store = Guid.CreateVersion7();
        var customer = Guid.CreateVersion7();
        var registeredAt = DateTimeOffset.UtcNow.AddDays(-30);
        await bus.Publish(new StoreOpened { StoreId = store, Code = "F" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = registeredAt.AddDays(-1) });
        await bus.Publish(new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = "F-2026-000001", Source = CustomerSource.WalkIn, RegisteredAt = registeredAt,
        });
        await Eventually.Holds(async () => (await TasksAsync(customer)).Count == 1, TimeSpan.FromSeconds(30), "the first follow-up");

        var signedAt = DateTimeOffset.UtcNow.AddDays(-2);
        await bus.Publish(Milestone(store, customer, MilestoneType.ContractSigned, signedAt, CustomerStage.ContractSigned));
        await bus.Publish(Milestone(store, customer, MilestoneType.ConstructionStarted, signedAt.AddDays(1), CustomerStage.ConstructionStarted));
        var tasks = await Eventually.Returns(async () => { var all = await TasksAsync(customer); return all.Count == 2 ? all : null; }, TimeSpan.FromSeconds(30), "the site follow-up");

        var local = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(FollowUpTaskKind.FirstFollowUp, tasks[0].Kind);
        Assert.Equal($"The customer signed a contract on {TimeZoneInfo.ConvertTime(signedAt, local):yyyy-MM-dd}.", tasks[0].ClosedReason);
        Assert.Equal(FollowUpTaskKind.SiteFollowUp, tasks[1].Kind);
        Assert.True(tasks[1].IsOpen);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(signedAt.AddDays(1), local).DateTime).AddDays(7), tasks[1].DueOn);
    }

    private static MilestoneRecorded Milestone(Guid store, Guid customer, MilestoneType type, DateTimeOffset at, CustomerStage stage) => new()
    {
        StoreId = store, CustomerId = customer, MilestoneId = Guid.NewGuid(), Type = type, At = at, Stage = stage, RecordedBy = "王芳",
    };
}
