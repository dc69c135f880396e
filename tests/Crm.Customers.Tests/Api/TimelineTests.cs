using Crm.Messages;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

/// <summary>The timeline tells the whole story, including what the other services announced on the bus.</summary>
public sealed class TimelineTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private async Task<List<string?>> KindsAsync(Guid id) =>
        (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline")).EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();

    [Fact]
    public async Task Events_of_the_other_services_join_the_timeline_in_time_order()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        await fixture.BusReadyAsync();
        var bus = fixture.Service.Services.GetRequiredService<IBus>();
        var start = DateTimeOffset.UtcNow;
        var designerId = Guid.NewGuid();

        await bus.Publish(new CustomerDispatched { StoreId = store, CustomerId = id, AssignmentId = Guid.NewGuid(), DesignerId = designerId, DesignerName = "陈设计", DispatchedAt = start.AddSeconds(1) });
        await bus.Publish(new AssignmentAccepted { StoreId = store, CustomerId = id, AssignmentId = Guid.NewGuid(), DesignerId = designerId, DesignerName = "陈设计", AcceptedAt = start.AddSeconds(2) });
        await bus.Publish(new FollowUpRecorded { StoreId = store, CustomerId = id, FollowUpId = Guid.NewGuid(), Form = FollowUpForm.Phone, At = start.AddSeconds(3), Summary = "约了周六量房", RecordedBy = "王芳" });
        await bus.Publish(new ContractSigned { StoreId = store, CustomerId = id, DesignerId = designerId, FormSerial = "HT-000123", Amount = 268000m, AreaM2 = 118m, SignedAt = start.AddSeconds(4), RecordedBy = "王芳" });
        await Eventually.Holds(async () => (await KindsAsync(id)).Contains("ContractSigned"), TimeSpan.FromSeconds(30), "the signing to arrive");
        await bus.Publish(new ContractReviewed { StoreId = store, CustomerId = id, FormSerial = "HT-000123", ReviewedAt = start.AddSeconds(5), ReviewedBy = "店长" });
        await Eventually.Holds(async () => (await KindsAsync(id)).Contains("Reviewed"), TimeSpan.FromSeconds(30), "the review to arrive");

        Assert.Equal(["Registered", "Dispatched", "AssignmentAccepted", "FollowUp", "ContractSigned", "Reviewed"], await KindsAsync(id));
        var customer = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("Reviewed", customer.GetProperty("stage").GetString());
        var signed = customer.GetProperty("milestones")[0];
        Assert.Equal((268000m, 118m), (signed.GetProperty("amount").GetDecimal(), signed.GetProperty("areaM2").GetDecimal()));
    }

    [Fact]
    public async Task A_signing_already_recorded_by_hand_is_kept_as_a_note_not_a_second_milestone()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        Assert.Equal(HttpStatusCode.Created, (await fixture.MilestoneAsync(id, new { type = "ContractSigned", amount = 200000m, areaM2 = 100m })).StatusCode);
        await fixture.BusReadyAsync();

        await fixture.Service.Services.GetRequiredService<IBus>().Publish(new ContractSigned
        {
            StoreId = store, CustomerId = id, DesignerId = Guid.NewGuid(), FormSerial = "HT-000124", Amount = 200000m, AreaM2 = 100m, SignedAt = DateTimeOffset.UtcNow, RecordedBy = "王芳",
        });
        await Eventually.Holds(async () => (await KindsAsync(id)).Contains("ContractEvent"), TimeSpan.FromSeconds(30), "the report to arrive");

        Assert.Equal(["Registered", "ContractSigned", "ContractEvent"], await KindsAsync(id));
    }

    [Fact]
    public async Task The_timeline_shows_visits_milestones_and_changes_with_who_did_them()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        var manager = fixture.Service.ClientAs("CustomerManager", store);
        await manager.PostAsJsonAsync($"/api/customers/{id}/visits", new { channel = "Phone" });
        await fixture.MilestoneAsync(id, new { type = "DepositPaid", amount = 2000m, depositKind = "Promotion" }, manager);
        await manager.PatchAsJsonAsync($"/api/customers/{id}", new { address = "徐汇区", reason = "补充地址" });

        var timeline = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline")).EnumerateArray().ToList();

        Assert.Equal(["Registered", "Visit", "DepositPaid", "InfoChanged"], timeline.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Deposit of ¥2,000.00 paid (Promotion).", timeline[2].GetProperty("summary").GetString());
        Assert.Equal("address: — → 徐汇区", timeline[3].GetProperty("summary").GetString());
        Assert.All(timeline.Skip(1), e => Assert.Equal("test-CustomerManager", e.GetProperty("by").GetString()));
    }
}
