using Crm.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

/// <summary>
/// After a follow-up the customer manager registers what changed (变更登记): the changes a follow-up carries reach the
/// change log with the follow-up as their reason. And the customer's home consultant (家装顾问).
/// </summary>
public sealed class FollowUpChangesAndConsultantTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private async Task<JsonElement> ChangesAsync(Guid id) => (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/changes")).GetProperty("items");

    private async Task<List<JsonElement>> TimelineAsync(Guid id) =>
        (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline")).EnumerateArray().ToList();

    [Fact]
    public async Task Changes_carried_by_a_follow_up_are_logged_with_the_follow_up_as_their_reason()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        await fixture.BusReadyAsync();
        var by = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new FollowUpRecorded
        {
            StoreId = store, CustomerId = id, FollowUpId = Guid.NewGuid(), Form = FollowUpForm.HomeVisit, At = at, Purpose = "上门回访", Content = "客户已搬家",
            Summary = "新地址，预算提高", RecordedBy = "王芳", RecordedById = by,
            BasicInfoChanges = Json("""{"address":"徐汇区漕溪北路88号","preferences":{"budget":300000}}"""),
        });
        await Eventually.Holds(async () => (await ChangesAsync(id)).GetArrayLength() == 2, TimeSpan.FromSeconds(30), "the changes to be logged");

        var changes = (await ChangesAsync(id)).EnumerateArray().OrderBy(c => c.GetProperty("field").GetString()).ToList();
        Assert.Equal([("address", "徐汇区漕溪北路88号"), ("preferences.budget", "300000")], changes.Select(c => (c.GetProperty("field").GetString(), c.GetProperty("after").GetString())));
        Assert.All(changes, c => Assert.Equal(($"Follow-up of {local:yyyy-MM-dd HH:mm} (HomeVisit): 新地址，预算提高", by.ToString(), "王芳"),
            (c.GetProperty("reason").GetString(), c.GetProperty("changedBy").GetString(), c.GetProperty("changedByName").GetString())));
        var customer = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("徐汇区漕溪北路88号", customer.GetProperty("address").GetString());
        Assert.Equal(["Registered", "FollowUp", "InfoChanged", "InfoChanged"], (await TimelineAsync(id)).Select(e => e.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Changes_the_rules_refuse_are_not_applied_and_the_timeline_says_why()
    {
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();
        var taken = await fixture.RegisterAsync(store, phone);
        var id = await fixture.RegisterIdAsync(store);
        await fixture.BusReadyAsync();

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new FollowUpRecorded
        {
            StoreId = store, CustomerId = id, FollowUpId = Guid.NewGuid(), Form = FollowUpForm.Phone, At = DateTimeOffset.UtcNow, Summary = "换了号码", RecordedBy = "王芳",
            BasicInfoChanges = Json($$"""{"phone":"{{phone}}"}"""),
        });
        await Eventually.Holds(async () => (await TimelineAsync(id)).Any(e => e.GetProperty("kind").GetString() == "FollowUpChangesRefused"), TimeSpan.FromSeconds(30), "the refusal on the timeline");

        Assert.Equal(0, (await ChangesAsync(id)).GetArrayLength());
        var refusal = (await TimelineAsync(id)).Single(e => e.GetProperty("kind").GetString() == "FollowUpChangesRefused");
        Assert.Contains("phone number belongs to customer " + taken.GetProperty("customerNo").GetString(), refusal.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_home_consultant_is_a_staff_member_of_the_store_named_with_a_reason_and_announced()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        await fixture.BusReadyAsync();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var (zhou, elsewhere) = (Guid.NewGuid(), Guid.NewGuid());
        await bus.Publish(new StaffAccountOpened { UserId = zhou, Username = "zhou", DisplayName = "周顾问", Role = "CustomerManager", StoreId = store, Active = true, At = DateTimeOffset.UtcNow });
        await bus.Publish(new StaffAccountOpened { UserId = elsewhere, Username = "zhang", DisplayName = "张伟", Role = "CustomerManager", StoreId = Guid.NewGuid(), Active = true, At = DateTimeOffset.UtcNow });
        await Eventually.Holds(async () => await fixture.InDatabase(db => db.Staff.CountAsync(s => s.Id == zhou || s.Id == elsewhere)) == 2, TimeSpan.FromSeconds(30), "the staff copies");
        var manager = fixture.Service.ClientAs("CustomerManager", store);

        var noReason = await manager.PutAsJsonAsync($"/api/customers/{id}/consultant", new { consultantId = zhou });
        var otherStore = await manager.PutAsJsonAsync($"/api/customers/{id}/consultant", new { consultantId = elsewhere, reason = "客户要求" });
        var named = await manager.PutAsJsonAsync($"/api/customers/{id}/consultant", new { consultantId = zhou, reason = "客户要求周顾问跟进" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherStore.StatusCode);
        Assert.True((await otherStore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("consultantId", out _));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var consultant = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consultant");
        Assert.Equal((zhou, "周顾问"), (consultant.GetProperty("staffId").GetGuid(), consultant.GetProperty("name").GetString()));
        var change = (await ChangesAsync(id)).EnumerateArray().Single();
        Assert.Equal(("consultant", JsonValueKind.Null, "周顾问", "客户要求周顾问跟进"),
            (change.GetProperty("field").GetString(), change.GetProperty("before").ValueKind, change.GetProperty("after").GetString(), change.GetProperty("reason").GetString()));
        var announced = await fixture.InDatabase(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == typeof(ConsultantNamed).FullName).Select(m => m.Body).ToListAsync());
        Assert.Single(announced, b => JsonDocument.Parse(b).RootElement.GetProperty("customerId").GetGuid() == id);

        var cleared = await manager.PutAsJsonAsync($"/api/customers/{id}/consultant", new { consultantId = (Guid?)null, reason = "周顾问离职" });
        Assert.Equal(JsonValueKind.Null, (await cleared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consultant").ValueKind);
        Assert.Equal(2, (await ChangesAsync(id)).GetArrayLength());
    }

    [Fact]
    public async Task A_home_consultant_sees_only_the_customers_they_are_named_on()
    {
        var store = await fixture.OpenStoreAsync();
        var (mine, other) = (await fixture.RegisterIdAsync(store), await fixture.RegisterIdAsync(store));
        await fixture.BusReadyAsync();
        var consultant = Guid.NewGuid();
        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new StaffAccountOpened
        {
            UserId = consultant, Username = "gu", DisplayName = "顾问小周", Role = "HomeConsultant", StoreId = store, Active = true, At = DateTimeOffset.UtcNow,
        });
        await Eventually.Holds(() => fixture.InDatabase(db => db.Staff.AnyAsync(s => s.Id == consultant)), TimeSpan.FromSeconds(30), "the staff copy");
        var named = await fixture.Service.ClientAs("StoreManager", store).PutAsJsonAsync($"/api/customers/{mine}/consultant", new { consultantId = consultant, reason = "客户指定" });
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var client = fixture.Service.ClientAs("HomeConsultant", store, userId: consultant);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/customers");

        Assert.Equal([mine], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/customers/{mine}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/customers/{other}/timeline")).StatusCode);
    }
}
