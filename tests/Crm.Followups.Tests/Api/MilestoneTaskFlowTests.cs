using Crm.Messaging;
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
        // The two milestones may be applied in either order: wait for both.
        var tasks = await Eventually.Returns(async () => { var all = await TasksAsync(customer); return all.Count == 2 && !all[0].IsOpen ? all : null; },
            TimeSpan.FromSeconds(30), "the first follow-up closed and the site follow-up made");

        var local = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.Equal(FollowUpTaskKind.FirstFollowUp, tasks[0].Kind);
        Assert.Equal($"The customer signed a contract on {TimeZoneInfo.ConvertTime(signedAt, local):yyyy-MM-dd}.", tasks[0].ClosedReason);
        Assert.Equal(FollowUpTaskKind.SiteFollowUp, tasks[1].Kind);
        Assert.True(tasks[1].IsOpen);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(signedAt.AddDays(1), local).DateTime).AddDays(7), tasks[1].DueOn);
    }

    [Fact]
    public async Task Events_that_arrive_before_the_customers_registration_wait_for_it_and_are_applied_in_order()
    {
        var bus = _service.Services.GetRequiredService<IBus>();
        var store = Guid.CreateVersion7();
        var customer = Guid.CreateVersion7();
        var registeredAt = DateTimeOffset.UtcNow.AddDays(-20);
        var signedAt = DateTimeOffset.UtcNow.AddDays(-5);
        await bus.Publish(new StoreOpened { StoreId = store, Code = "F" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = registeredAt.AddDays(-1) });
        var designer = Guid.NewGuid();
        var consultant = Guid.NewGuid();
        await bus.Publish(new CustomerDispatched
        {
            StoreId = store, CustomerId = customer, AssignmentId = Guid.NewGuid(), DesignerId = designer, DesignerName = "李设计", DispatchedAt = registeredAt.AddHours(1),
        });
        await bus.Publish(new ConsultantNamed { StoreId = store, CustomerId = customer, ConsultantId = consultant, ConsultantName = "赵顾问", NamedBy = "王芳", At = registeredAt.AddHours(2) });
        await bus.Publish(Milestone(store, customer, MilestoneType.ContractSigned, signedAt, CustomerStage.ContractSigned));
        // The construction is announced after the signing has arrived: they wait, and are applied, in that order.
        await Eventually.Holds(async () => await WaitingAsync(customer) == 3, TimeSpan.FromSeconds(30), "three events to wait for the customer");
        await bus.Publish(Milestone(store, customer, MilestoneType.ConstructionStarted, signedAt.AddDays(1), CustomerStage.ConstructionStarted));
        await Eventually.Holds(async () => await WaitingAsync(customer) == 4, TimeSpan.FromSeconds(30), "the four events to wait for the customer");

        await bus.Publish(new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = "F-2026-000003", Source = CustomerSource.WalkIn, RegisteredAt = registeredAt,
        });
        var tasks = await Eventually.Returns(async () => { var all = await TasksAsync(customer); return all.Count == 2 ? all : null; },
            TimeSpan.FromSeconds(30), "the first follow-up and the site follow-up");

        Assert.Equal([(FollowUpTaskKind.FirstFollowUp, false), (FollowUpTaskKind.SiteFollowUp, true)], tasks.Select(t => (t.Kind, t.IsOpen)));
        Assert.Equal(0, await WaitingAsync(customer));
        await using var scope = _service.Services.CreateAsyncScope();
        var copy = await scope.ServiceProvider.GetRequiredService<FollowupDbContext>().Customers.AsNoTracking().SingleAsync(c => c.Id == customer);
        Assert.Equal((CustomerStage.ConstructionStarted, designer, "李设计", consultant, "赵顾问"), (copy.Stage, copy.DesignerId, copy.DesignerName, copy.ConsultantId, copy.ConsultantName));
    }

    private async Task<int> WaitingAsync(Guid customer)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowupDbContext>().WaitingEvents.CountAsync(w => w.WaitsFor == WaitKey.Customer(customer));
    }

    private static MilestoneRecorded Milestone(Guid store, Guid customer, MilestoneType type, DateTimeOffset at, CustomerStage stage) => new()
    {
        StoreId = store, CustomerId = customer, MilestoneId = Guid.NewGuid(), Type = type, At = at, Stage = stage, RecordedBy = "王芳",
    };

    [Fact]
    public async Task A_record_is_announced_with_every_field_sets_the_next_task_and_completes_the_first()
    {
        var bus = _service.Services.GetRequiredService<IBus>();
        var store = Guid.CreateVersion7();
        var customer = Guid.CreateVersion7();
        await bus.Publish(new StoreOpened { StoreId = store, Code = "F" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddDays(-10) });
        await bus.Publish(new CustomerRegistered { StoreId = store, CustomerId = customer, CustomerNo = "F-2026-000002", Source = CustomerSource.Phone, RegisteredAt = DateTimeOffset.UtcNow.AddDays(-3) });
        var first = (await Eventually.Returns(async () => { var all = await TasksAsync(customer); return all.Count == 1 ? all : null; }, TimeSpan.FromSeconds(30), "the first follow-up"))[0];
        var cm = _service.ClientAs("CustomerManager", store);

        var recorded = await cm.PostAsJsonAsync("/api/followups", new
        {
            customerId = customer, purpose = "约量房", form = "Phone", content = "客户周六有空，约了上午十点量房。", summary = "周六量房", intent = "有意向",
            nextAt = "2030-01-05T10:00:00+08:00",
        });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var followUp = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var completed = await cm.PostAsJsonAsync($"/api/followups/tasks/{first.Id}/complete", new { followUpId = followUp });
        var again = await cm.PostAsJsonAsync($"/api/followups/tasks/{first.Id}/complete", new { followUpId = followUp });

        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var tasks = await TasksAsync(customer);
        Assert.Equal([(FollowUpTaskKind.FirstFollowUp, false), (FollowUpTaskKind.NextFollowUp, true)], tasks.Select(t => (t.Kind, t.IsOpen)));
        Assert.Equal(followUp, tasks[0].FollowUpId);
        Assert.Equal(new DateOnly(2030, 1, 5), tasks[1].DueOn);

        await using var scope = _service.Services.CreateAsyncScope();
        var bodies = await scope.ServiceProvider.GetRequiredService<FollowupDbContext>().OutboxMessages
            .Where(m => m.MessageType == typeof(FollowUpRecorded).FullName).Select(m => m.Body).ToListAsync();
        var announced = bodies.Select(b => JsonDocument.Parse(b).RootElement).Single(e => e.GetProperty("followUpId").GetGuid() == followUp);
        Assert.Equal(("约量房", "Phone", "客户周六有空，约了上午十点量房。", "周六量房", "有意向"), (announced.GetProperty("purpose").GetString(), announced.GetProperty("form").GetString(),
            announced.GetProperty("content").GetString(), announced.GetProperty("summary").GetString(), announced.GetProperty("intent").GetString()));
        Assert.Equal(new DateTimeOffset(2030, 1, 5, 2, 0, 0, TimeSpan.Zero), announced.GetProperty("nextAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_record_for_a_customer_of_another_store_or_without_its_fields_is_refused()
    {
        var cm = _service.ClientAs("CustomerManager", Guid.NewGuid());

        var empty = await cm.PostAsJsonAsync("/api/followups", new { });
        var unknown = await cm.PostAsJsonAsync("/api/followups", new { customerId = Guid.NewGuid(), purpose = "回访", form = "Phone", content = "无人接听", summary = "未接通" });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["content", "customerId", "form", "purpose", "summary"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
