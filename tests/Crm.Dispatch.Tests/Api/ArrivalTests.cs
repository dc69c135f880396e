using Crm.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Crm.Dispatch.Tests.Api;

/// <summary>
/// A customer registered a moment ago reaches dispatch by an event, a moment later: a request that names it
/// waits for it, and is told "not here yet" with Retry-After rather than "does not exist" if it takes longer.
/// </summary>
public sealed class ArrivalTests(DispatchServiceFixture fixture) : IClassFixture<DispatchServiceFixture>
{
    [Fact]
    public async Task A_dispatch_by_hand_right_after_registration_waits_for_the_customer()
    {
        var store = await fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        await fixture.AddDesignersAsync(store, 2);
        await fixture.Service.BusReadyAsync();
        var registered = DispatchServiceFixture.Registered(store) with { CustomerId = Guid.CreateVersion7() };

        // The request is sent first; the registration reaches dispatch while it waits.
        var dispatching = fixture.Service.ClientAs("CustomerManager", store).PostAsJsonAsync("/api/dispatch/assignments", new { customerId = registered.CustomerId });
        await fixture.PublishAsync(registered);
        var response = await dispatching;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(registered.CustomerId, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid());
    }

    [Fact]
    public async Task A_milestone_and_a_change_that_arrive_before_the_registration_wait_for_it()
    {
        var store = await fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        var registered = DispatchServiceFixture.Registered(store, budget: 200_000m) with { CustomerId = Guid.CreateVersion7() };
        var deposit = DispatchServiceFixture.Milestone(store, registered.CustomerId, MilestoneType.DepositPaid) with
        {
            At = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds()),
        };
        var changed = new CustomerDetailsChanged { StoreId = store, CustomerId = registered.CustomerId, Fields = ["budget"], ChangedAt = DateTimeOffset.UtcNow, Budget = 500_000m };
        Task<int> Waiting() => fixture.InDatabase(db => db.WaitingEvents.CountAsync(w => w.WaitsFor == WaitKey.Customer(registered.CustomerId)));

        await fixture.PublishAsync(deposit);
        await fixture.PublishAsync(changed);
        await Eventually.Holds(async () => await Waiting() == 2, TimeSpan.FromSeconds(30), "the milestone and the change to wait for the customer");
        await fixture.PublishAsync(registered);
        var file = await Eventually.Returns(() => fixture.InDatabase(db => db.CustomerFiles.AsNoTracking().FirstOrDefaultAsync(f => f.CustomerId == registered.CustomerId)),
            TimeSpan.FromSeconds(30), "the customer's file");

        Assert.Equal((500_000m, deposit.At, true), (file.Budget, file.DepositPaidAt, file.IsHolding));
        Assert.Equal(0, await Waiting());
    }

    [Fact]
    public async Task A_customer_made_a_moment_ago_that_has_not_arrived_is_on_its_way_with_retry_after()
    {
        var store = await fixture.OpenStoreAsync();

        var response = await fixture.Service.ClientAs("CustomerManager", store).PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = Guid.CreateVersion7() });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("not-yet-arrived", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_id_that_was_not_made_recently_is_not_found_at_once()
    {
        var store = await fixture.OpenStoreAsync();
        var client = fixture.Service.ClientAs("CustomerManager", store);

        var old = await client.PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = Guid.CreateVersion7(DateTimeOffset.UtcNow.AddDays(-1)) });
        var random = await client.PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, random.StatusCode);
    }

    [Fact]
    public async Task Another_stores_customer_is_not_found_even_when_just_registered()
    {
        var home = await fixture.OpenStoreAsync();
        var other = await fixture.OpenStoreAsync();
        var customer = await fixture.CustomerAsync(other);

        var response = await fixture.Service.ClientAs("CustomerManager", home).PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = customer });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Settings_read_can_be_written_back_unchanged_and_read_only_fields_cannot_change()
    {
        var store = await fixture.OpenStoreAsync();
        var manager = fixture.Service.ClientAs("StoreManager", store);
        await manager.PutAsJsonAsync($"/api/dispatch/settings/{store}", new { holdingCap = 4 });
        var read = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}");

        var unchanged = await manager.PutAsync($"/api/dispatch/settings/{store}", JsonContent.Create(read));
        var moved = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(read.GetRawText())!;
        moved["storeId"] = JsonSerializer.SerializeToElement(Guid.NewGuid());
        moved["updatedBy"] = JsonSerializer.SerializeToElement("someone else");
        var changed = await manager.PutAsJsonAsync($"/api/dispatch/settings/{store}", moved);

        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(4, (await unchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("holdingCap").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        var errors = (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["storeId", "updatedBy"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Single((await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}/history")).EnumerateArray());
    }
}
