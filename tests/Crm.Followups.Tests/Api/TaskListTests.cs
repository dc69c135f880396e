using Crm.Followups.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Followups.Tests.Api;

/// <summary>A customer manager's day: what is due today and overdue for them, in their store's own day, and the meeting's counts.</summary>
public sealed class TaskListTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("followupdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Due_today_and_overdue_are_read_in_the_stores_day_per_assignee()
    {
        var store = StoreCopy.From<FollowupStore>(new StoreOpened { StoreId = Guid.NewGuid(), Code = "L" + Random.Shared.Next(100, 999), Name = "测试店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-1) });
        var now = DateTimeOffset.UtcNow;
        var today = store.LocalDate(now);
        var (wang, li) = (Guid.NewGuid(), Guid.NewGuid());
        FollowedCustomer Customer(Guid assignee, string name) => FollowedCustomer.From(new CustomerRegistered
        {
            StoreId = store.Id, CustomerId = Guid.NewGuid(), CustomerNo = "L-" + Random.Shared.Next(100_000, 999_999), Source = CustomerSource.WalkIn,
            RegisteredAt = now.AddDays(-10), RegisteredBy = assignee.ToString(), RegisteredByName = name,
        }, today.AddDays(-10), (assignee, name));
        var (a, b) = (Customer(wang, "王芳"), Customer(li, "李娜"));
        var dueToday = FollowUpTask.For(a, FollowUpTaskKind.NextFollowUp, today, "today", now);
        var overdue = FollowUpTask.For(a, FollowUpTaskKind.FirstFollowUp, today.AddDays(-1), "yesterday", now);
        var done = FollowUpTask.For(b, FollowUpTaskKind.FirstFollowUp, today.AddDays(-1), "done", now);
        var later = FollowUpTask.For(b, FollowUpTaskKind.NextFollowUp, today.AddDays(1), "tomorrow", now);
        var record = FollowUpRecord.Write(b, new FollowUpRecord.Draft("回访", now, FollowUpForm.Phone, "通话", "已回访", null, null), li, "李娜", now);
        Assert.Null(done.Complete(record, now));
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowupDbContext>();
            db.Stores.Add(store);
            db.Customers.AddRange(a, b);
            db.Records.Add(record);
            db.Tasks.AddRange(dueToday, overdue, done, later);
            await db.SaveChangesAsync();
        }
        var cm = _service.ClientAs("CustomerManager", store.Id);
        async Task<string[]> Reasons(string query) =>
            (await cm.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?{query}")).GetProperty("items").EnumerateArray().Select(t => t.GetProperty("reason").GetString()!).ToArray();

        Assert.Equal(["today"], await Reasons("due=today"));
        Assert.Equal(["yesterday"], await Reasons("due=overdue"));
        Assert.Equal(["yesterday", "today"], await Reasons("due=todayOrOverdue"));
        Assert.Equal(["yesterday", "today"], (await (_service.ClientAs("CustomerManager", store.Id, userId: wang)).GetFromJsonAsync<JsonElement>("/api/followups/tasks?due=todayOrOverdue&mine=true"))
            .GetProperty("items").EnumerateArray().Select(t => t.GetProperty("reason").GetString()!));
        Assert.Equal(["yesterday", "today", "tomorrow"], await Reasons("due=open"));
        Assert.Equal(["yesterday", "today"], await Reasons($"due=open&assigneeId={wang}"));
        Assert.Equal(["done", "yesterday"], (await Reasons("kind=FirstFollowUp")).Order());
        var summary = await cm.GetFromJsonAsync<JsonElement>("/api/followups/tasks/summary");
        Assert.Equal([("李娜", 1, 0, 0), ("王芳", 0, 1, 1)], summary.EnumerateArray().Select(c => (c.GetProperty("assigneeName").GetString(),
            c.GetProperty("doneToday").GetInt32(), c.GetProperty("dueToday").GetInt32(), c.GetProperty("overdue").GetInt32())).OrderBy(c => c.Item1));
        Assert.Equal(HttpStatusCode.BadRequest, (await cm.GetAsync("/api/followups/tasks?due=soon")).StatusCode);
    }
}
