using Crm.Followups.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Followups.Tests.Api;

/// <summary>
/// Through the real broker and database: a lead goes to the store's customer manager, the store reassigns a customer,
/// a problem is raised for the designer and answered by them, records carry changes, tasks come as a file.
/// </summary>
public sealed class ProblemsAndAssigneesTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private IBus _bus = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("followupdb");
        await _service.BusReadyAsync();
        _bus = _service.Services.GetRequiredService<IBus>();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<T> InDatabase<T>(Func<FollowupDbContext, Task<T>> read)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FollowupDbContext>());
    }

    private async Task<Guid> StoreAsync()
    {
        var store = Guid.CreateVersion7();
        await _bus.Publish(new StoreOpened { StoreId = store, Code = "P" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-1) });
        return store;
    }

    private async Task<Guid> StaffAsync(string name, string role, Guid? store)
    {
        var id = Guid.CreateVersion7();
        await _bus.Publish(new StaffAccountOpened { UserId = id, Username = name, DisplayName = name, Role = role, StoreId = store, Active = true, At = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => InDatabase(db => db.Staff.AnyAsync(s => s.Id == id)), TimeSpan.FromSeconds(30), $"the staff copy of {name}");
        return id;
    }

    private async Task<Guid> CustomerAsync(Guid store, CustomerSource source, Guid registeredBy, string registeredByName)
    {
        var customer = Guid.CreateVersion7();
        await _bus.Publish(new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = "P-" + Random.Shared.Next(100_000, 999_999), Source = source, RegisteredAt = DateTimeOffset.UtcNow.AddDays(-3),
            RegisteredBy = registeredBy.ToString(), RegisteredByName = registeredByName,
        });
        await Eventually.Holds(() => InDatabase(db => db.Tasks.AnyAsync(t => t.CustomerId == customer)), TimeSpan.FromSeconds(30), "the customer's first follow-up");
        return customer;
    }

    [Fact]
    public async Task A_marketing_lead_is_followed_up_by_the_stores_customer_manager()
    {
        var store = await StoreAsync();
        var li = await StaffAsync("李娜", StaffRoles.CustomerManager, store);
        var marketing = await StaffAsync("市场部小刘", StaffRoles.Marketing, null);

        var lead = await CustomerAsync(store, CustomerSource.Marketing, marketing, "市场部小刘");

        var task = await InDatabase(db => db.Tasks.AsNoTracking().SingleAsync(t => t.CustomerId == lead));
        Assert.Equal((li, "李娜"), (task.AssigneeId, task.AssigneeName));
    }

    [Fact]
    public async Task The_store_manager_reassigns_a_customer_with_their_open_tasks_and_the_move_is_kept()
    {
        var store = await StoreAsync();
        var wang = await StaffAsync("王芳", StaffRoles.CustomerManager, store);
        var li = await StaffAsync("李娜", StaffRoles.CustomerManager, store);
        var elsewhere = await StaffAsync("张伟", StaffRoles.CustomerManager, Guid.NewGuid());
        var customer = await CustomerAsync(store, CustomerSource.WalkIn, wang, "王芳");
        var manager = _service.ClientAs("StoreManager", store);

        var refused = await manager.PutAsJsonAsync($"/api/followups/customers/{customer}/assignee", new { assigneeId = elsewhere, reason = "调岗" });
        var moved = await manager.PutAsJsonAsync($"/api/followups/customers/{customer}/assignee", new { assigneeId = li, reason = "王芳休假" });
        var otherStore = await _service.ClientAs("StoreManager", Guid.NewGuid()).PutAsJsonAsync($"/api/followups/customers/{customer}/assignee", new { assigneeId = li, reason = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("assigneeId", out _));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherStore.StatusCode);
        var task = await InDatabase(db => db.Tasks.AsNoTracking().SingleAsync(t => t.CustomerId == customer));
        Assert.Equal((li, "李娜"), (task.AssigneeId, task.AssigneeName));
        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/followups/customers/{customer}/reassignments");
        Assert.Equal([("王芳", "李娜", "王芳休假", 1)], history.EnumerateArray().Select(r =>
            (r.GetProperty("fromName").GetString(), r.GetProperty("toName").GetString(), r.GetProperty("reason").GetString(), r.GetProperty("tasksMoved").GetInt32())));
        // The task's making and its move are announced, for the morning meeting's count per customer manager.
        var bodies = await InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(FollowUpTaskChanged).FullName).Select(m => m.Body).ToListAsync());
        var changes = bodies.Select(b => JsonDocument.Parse(b).RootElement).Where(e => e.GetProperty("taskId").GetGuid() == task.Id).ToList();
        Assert.Equal([("王芳", "FirstFollowUp"), ("李娜", "FirstFollowUp")], changes.Select(e => (e.GetProperty("assigneeName").GetString(), e.GetProperty("kind").GetString())));
        Assert.All(changes, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("endedAt").ValueKind));
    }

    [Fact]
    public async Task A_problem_is_raised_for_the_customers_designer_listed_until_resolved_and_announced()
    {
        var store = await StoreAsync();
        var customer = await CustomerAsync(store, CustomerSource.WalkIn, Guid.NewGuid(), "王芳");
        var cm = _service.ClientAs("CustomerManager", store);
        Assert.Equal(HttpStatusCode.Conflict, (await cm.PostAsJsonAsync("/api/followups/problems", new { customerId = customer, what = "报价太高" })).StatusCode);
        var (designer, other) = (Guid.NewGuid(), Guid.NewGuid());
        await _bus.Publish(new CustomerDispatched { StoreId = store, CustomerId = customer, AssignmentId = Guid.NewGuid(), DesignerId = designer, DesignerName = "陈设计", DispatchedAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => InDatabase(db => db.Customers.AnyAsync(c => c.Id == customer && c.DesignerId == designer)), TimeSpan.FromSeconds(30), "the dispatch");

        var raised = await cm.PostAsJsonAsync("/api/followups/problems", new { customerId = customer, what = "客户觉得报价太高，请设计师解释主材差价" });
        var problem = await raised.Content.ReadFromJsonAsync<JsonElement>();
        var id = problem.GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        Assert.Equal(("陈设计", today.AddDays(1).ToString("yyyy-MM-dd")), (problem.GetProperty("designerName").GetString(), problem.GetProperty("dueOn").GetString()));

        async Task<Guid[]> Listed(HttpClient client, string status) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/followups/problems?status={status}")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToArray();
        var mine = _service.ClientAs("Designer", store, designer);
        var notMine = _service.ClientAs("Designer", store, other);
        Assert.Equal([id], await Listed(cm, "open"));
        Assert.Equal([id], await Listed(mine, "open"));
        Assert.Empty(await Listed(notMine, "open"));
        Assert.Equal(HttpStatusCode.NotFound, (await notMine.PostAsJsonAsync($"/api/followups/problems/{id}/resolve", new { resolution = "不是我的" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await mine.PostAsJsonAsync($"/api/followups/problems/{id}/resolve", new { resolution = " " })).StatusCode);

        var resolved = await mine.PostAsJsonAsync($"/api/followups/problems/{id}/resolve", new { resolution = "已电话说明差价，客户接受" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Empty(await Listed(cm, "open"));
        Assert.Equal([id], await Listed(cm, "resolved"));
        Assert.Equal(HttpStatusCode.Conflict, (await mine.PostAsJsonAsync($"/api/followups/problems/{id}/resolve", new { resolution = "again" })).StatusCode);
        var announced = await InDatabase(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(CustomerProblemRaised).FullName || m.MessageType == typeof(CustomerProblemResolved).FullName).ToListAsync());
        Assert.Equal(2, announced.Count(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("problemId").GetGuid() == id));
    }

    [Fact]
    public async Task A_record_carries_changes_of_basic_information_in_its_event_and_refuses_fields_that_are_not()
    {
        var store = await StoreAsync();
        var customer = await CustomerAsync(store, CustomerSource.WalkIn, Guid.NewGuid(), "王芳");
        var cm = _service.ClientAs("CustomerManager", store);

        var refused = await cm.PostAsJsonAsync("/api/followups", new { customerId = customer, purpose = "回访", form = "Phone", content = "c", summary = "s", changes = new { stage = "Lost" } });
        var recorded = await cm.PostAsJsonAsync("/api/followups", new
        {
            customerId = customer, purpose = "回访", form = "HomeVisit", content = "客户搬了新家", summary = "地址已变", changes = new { address = "徐汇区漕溪北路88号" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("changes.stage", out _));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var bodies = await InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(FollowUpRecorded).FullName).Select(m => m.Body).ToListAsync());
        var announced = bodies.Select(b => JsonDocument.Parse(b).RootElement).Single(e => e.GetProperty("followUpId").GetGuid() == id);
        Assert.Equal("徐汇区漕溪北路88号", announced.GetProperty("basicInfoChanges").GetProperty("address").GetString());
        Assert.Equal(1, await InDatabase(db => db.Records.CountAsync(r => r.CustomerId == customer)));
    }

    [Fact]
    public async Task Tasks_come_as_a_csv_file_with_a_byte_order_mark_and_as_excel()
    {
        var store = await StoreAsync();
        var customer = await CustomerAsync(store, CustomerSource.WalkIn, Guid.NewGuid(), "王芳");
        var cm = _service.ClientAs("CustomerManager", store);

        var csv = await cm.GetAsync("/api/followups/tasks/export?due=open&format=csv");
        var xlsx = await cm.GetAsync("/api/followups/tasks/export?format=xlsx");
        var wrong = await cm.GetAsync("/api/followups/tasks/export?format=json");

        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("门店,客户编号,类型,到期日,原因,负责人", lines[0]);
        Assert.Contains("FirstFollowUp", lines[1]);
        Assert.Contains("王芳", lines[1]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
    }

    [Fact]
    public async Task A_home_consultant_follows_up_and_raises_problems_for_the_customers_they_are_named_on_only()
    {
        var store = await StoreAsync();
        var consultant = await StaffAsync("顾问小周", StaffRoles.HomeConsultant, store);
        var (mine, other) = (await CustomerAsync(store, CustomerSource.WalkIn, Guid.NewGuid(), "王芳"), await CustomerAsync(store, CustomerSource.WalkIn, Guid.NewGuid(), "王芳"));
        await _bus.Publish(new ConsultantNamed { StoreId = store, CustomerId = mine, ConsultantId = consultant, ConsultantName = "顾问小周", NamedBy = "店长", At = DateTimeOffset.UtcNow });
        await _bus.Publish(new CustomerDispatched { StoreId = store, CustomerId = mine, AssignmentId = Guid.NewGuid(), DesignerId = Guid.NewGuid(), DesignerName = "陈设计", DispatchedAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => InDatabase(db => db.Customers.AnyAsync(c => c.Id == mine && c.ConsultantId == consultant && c.DesignerId != null)), TimeSpan.FromSeconds(30), "the consultant and the designer");
        var client = _service.ClientAs("HomeConsultant", store, userId: consultant);
        object Record(Guid customer) => new { customerId = customer, purpose = "上门回访", form = "HomeVisit", content = "看了现场", summary = "客户满意" };

        var recorded = await client.PostAsJsonAsync("/api/followups", Record(mine));
        var refused = await client.PostAsJsonAsync("/api/followups", Record(other));
        await _service.ClientAs("CustomerManager", store).PostAsJsonAsync("/api/followups", Record(other));
        var raised = await client.PostAsJsonAsync("/api/followups/problems", new { customerId = mine, what = "橱柜尺寸需要设计师确认" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, raised.StatusCode);
        var records = await client.GetFromJsonAsync<JsonElement>($"/api/followups?storeId={store}");
        Assert.Equal([mine], records.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("customerId").GetGuid()));
        var problems = await client.GetFromJsonAsync<JsonElement>("/api/followups/problems");
        Assert.Equal([mine], problems.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("customerId").GetGuid()));
    }
}
