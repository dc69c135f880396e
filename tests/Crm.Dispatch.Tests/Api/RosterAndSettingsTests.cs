using Microsoft.EntityFrameworkCore;

namespace Crm.Dispatch.Tests.Api;

/// <summary>The roster (designers, duty, status with reasons, history), holdings kept from events, and the store's settings.</summary>
public sealed class RosterAndSettingsTests(DispatchServiceFixture fixture) : IClassFixture<DispatchServiceFixture>
{
    private async Task<JsonElement> SuggestAsync(Guid customer) =>
        await (await fixture.Admin.PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = customer })).Content.ReadFromJsonAsync<JsonElement>();

    private static string? ExcludedBy(JsonElement suggestion, Guid designer) =>
        suggestion.GetProperty("trace").GetProperty("designers").EnumerateArray().Single(d => d.GetProperty("designerId").GetGuid() == designer)
            .GetProperty("excludedBy").GetString();

    /// <summary>Customers offered to the designer, as the rules would do it, with their milestones sent as events.</summary>
    private async Task GiveAsync(Guid store, Designer designer, int count, HouseKind? houseKind, params (MilestoneType Type, int DaysAgo)[] milestones)
    {
        for (var i = 0; i < count; i++)
        {
            var customer = await fixture.CustomerAsync(store, houseKind: houseKind);
            var created = await fixture.Admin.PostAsJsonAsync("/api/dispatch/assignments", new { customerId = customer, designerId = designer.Id, reason = "测试" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            await fixture.PublishAsync(milestones.Select(m => DispatchServiceFixture.Milestone(store, customer, m.Type, m.DaysAgo)).ToArray());
        }
    }

    [Fact]
    public async Task Three_deposit_paid_unsigned_customers_keep_a_designer_from_new_ones()
    {
        var store = await fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        await GiveAsync(store, designer, 3, null, (MilestoneType.DepositPaid, 1));
        await Eventually.Holds(async () => (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}/holdings"))
            .GetProperty("holdings").GetArrayLength() == 3, TimeSpan.FromSeconds(30), "the deposits to arrive");

        Assert.Equal("HoldingCap", ExcludedBy(await SuggestAsync(await fixture.CustomerAsync(store)), designer.Id));
    }

    [Fact]
    public async Task Three_stalled_proposals_keep_a_designer_from_new_ones_unless_they_are_off_plan()
    {
        var store = await fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        var stalled = (await fixture.AddDesignersAsync(store, 1)).Single();
        var offPlan = (await fixture.AddDesignersAsync(store, 1)).Single();
        await GiveAsync(store, stalled, 3, HouseKind.New, (MilestoneType.Quoted, 31));
        await GiveAsync(store, offPlan, 3, HouseKind.OffPlan, (MilestoneType.Quoted, 31));
        await Eventually.Holds(async () => (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{offPlan.Id}/holdings"))
            .GetProperty("offPlanProposals").GetArrayLength() == 3, TimeSpan.FromSeconds(30), "the quotes to arrive");
        await Eventually.Holds(async () => (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{stalled.Id}/holdings"))
            .GetProperty("stalledProposals").GetArrayLength() == 3, TimeSpan.FromSeconds(30), "the quotes to arrive");

        var suggestion = await SuggestAsync(await fixture.CustomerAsync(store));

        Assert.Equal("StalledProposals", ExcludedBy(suggestion, stalled.Id));
        Assert.Null(ExcludedBy(suggestion, offPlan.Id));
        Assert.Equal(offPlan.Id, suggestion.GetProperty("suggestedDesignerId").GetGuid());
    }

    [Fact]
    public async Task Suspend_remove_and_reinstate_need_a_reason_and_are_kept_in_the_history()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        var manager = fixture.Service.ClientAs("StoreManager", store);
        var until = DispatchServiceFixture.StoreToday.AddDays(5).ToString("yyyy-MM-dd");

        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/suspend", new { until })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/suspend", new { reason = "客户投诉" })).StatusCode);
        var suspended = await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/suspend", new { reason = "客户投诉", until });
        var removed = await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/remove", new { reason = "离职" });
        var removedAgain = await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/remove", new { reason = "离职" });
        var reinstated = await manager.PostAsJsonAsync($"/api/dispatch/designers/{designer.Id}/reinstate", new { reason = "返岗" });

        Assert.Equal("Suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Removed", (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, removedAgain.StatusCode);
        Assert.Equal("Active", (await reinstated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}/history");
        Assert.Equal([("Suspended", "客户投诉"), ("Removed", "离职"), ("Reinstated", "返岗")],
            history.EnumerateArray().Select(h => (h.GetProperty("action").GetString(), h.GetProperty("reason").GetString())));
        Assert.All(history.EnumerateArray(), h => Assert.Equal("test-StoreManager", h.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task The_morning_meetings_attendance_is_kept_per_day_with_every_change()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        var manager = fixture.Service.ClientAs("CustomerManager", store);
        var today = DispatchServiceFixture.StoreToday;

        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}")).GetProperty("onDutyToday").GetBoolean());
        await manager.PutAsJsonAsync($"/api/dispatch/designers/{designer.Id}/duty", new { date = today, onDuty = false });
        await manager.PutAsJsonAsync($"/api/dispatch/designers/{designer.Id}/duty", new { date = today, onDuty = false });
        await manager.PutAsJsonAsync($"/api/dispatch/designers/{designer.Id}/duty", new { date = today.AddDays(1), onDuty = false });
        var bad = await manager.PutAsJsonAsync($"/api/dispatch/designers/{designer.Id}/duty", new { date = today });

        Assert.False((await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}")).GetProperty("onDutyToday").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var history = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}/history");
        Assert.Equal([$"off duty on {today:yyyy-MM-dd}", $"off duty on {today.AddDays(1):yyyy-MM-dd}"],
            history.EnumerateArray().Where(h => h.GetProperty("action").GetString() == "Duty").Select(h => h.GetProperty("details").GetString()));
        // Each change is announced for the morning meeting's attendance; the repeated record is not.
        var announced = (await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(Crm.Messages.DutyRecorded).FullName).Select(m => m.Body).ToListAsync()))
            .Select(b => JsonDocument.Parse(b).RootElement).Where(e => e.GetProperty("designerId").GetGuid() == designer.Id).ToList();
        Assert.Equal([(today.ToString("yyyy-MM-dd"), false), (today.AddDays(1).ToString("yyyy-MM-dd"), false)],
            announced.Select(e => (e.GetProperty("day").GetString(), e.GetProperty("onDuty").GetBoolean())).Order());
    }

    [Fact]
    public async Task The_roster_takes_new_designers_and_edits()
    {
        var store = await fixture.OpenStoreAsync();
        var manager = fixture.Service.ClientAs("StoreManager", store);

        var created = await manager.PostAsJsonAsync("/api/dispatch/designers", new { name = "赵敏", level = "Senior", chargesDesignFee = true, styles = new[] { "Modern" }, notes = "擅长别墅" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edited = await manager.PatchAsJsonAsync($"/api/dispatch/designers/{id}", new { level = "Chief" });

        var body = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Chief", store, "擅长别墅"), (body.GetProperty("level").GetString(), body.GetProperty("storeId").GetGuid(), body.GetProperty("notes").GetString()));
        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{id}/history");
        Assert.Equal(["Joined", "Edited"], history.EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/dispatch/designers", new { name = "钱", level = "Boss" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync("/api/dispatch/designers", new { level = "Senior" })).StatusCode);
    }

    [Fact]
    public async Task Settings_are_read_and_changed_per_store_with_every_number_checked()
    {
        var store = await fixture.OpenStoreAsync();
        var manager = fixture.Service.ClientAs("StoreManager", store);

        var defaults = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}");
        var changed = await manager.PutAsJsonAsync($"/api/dispatch/settings/{store}", new { holdingCap = 5, autoDispatch = false });
        var invalid = await manager.PutAsJsonAsync($"/api/dispatch/settings/{store}", new { holdingCap = 0, bigOrderBudget = -1 });
        var elsewhere = await fixture.Service.ClientAs("StoreManager", Guid.NewGuid()).GetAsync($"/api/dispatch/settings/{store}");

        var settings = defaults;
        Assert.Equal((true, 3, 3, 30, 30, 3, 180, 300000m, 150m, 3),
            (settings.GetProperty("autoDispatch").GetBoolean(), settings.GetProperty("holdingCap").GetInt32(), settings.GetProperty("stalledProposalCount").GetInt32(),
             settings.GetProperty("stalledProposalDays").GetInt32(), settings.GetProperty("refusalSuspensionDays").GetInt32(), settings.GetProperty("removalRefusals").GetInt32(),
             settings.GetProperty("removalWindowDays").GetInt32(), settings.GetProperty("bigOrderBudget").GetDecimal(), settings.GetProperty("bigOrderArea").GetDecimal(),
             settings.GetProperty("bigOrderMinLevel").GetInt32()));
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((5, false, 30), (after.GetProperty("holdingCap").GetInt32(), after.GetProperty("autoDispatch").GetBoolean(), after.GetProperty("stalledProposalDays").GetInt32()));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("holdingCap", out _) && errors.TryGetProperty("bigOrderBudget", out _));
        Assert.Equal(5, await fixture.InDatabase(db => db.Settings.Where(s => s.StoreId == store).Select(s => s.HoldingCap).SingleAsync()));
        var history = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/settings/{store}/history");
        var change = Assert.Single(history.EnumerateArray());
        Assert.Equal(("autoDispatch: true → false; holdingCap: 3 → 5", "test-StoreManager"), (change.GetProperty("changes").GetString(), change.GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_registered_customer_is_dispatched_automatically_only_where_the_store_says_so()
    {
        var automatic = await fixture.OpenStoreAsync();
        var manual = await fixture.OpenStoreAsync(s => s with { AutoDispatch = false });
        await fixture.AddDesignersAsync(automatic, 1);
        await fixture.AddDesignersAsync(manual, 1);
        var (first, second) = (DispatchServiceFixture.Registered(automatic), DispatchServiceFixture.Registered(manual));

        await fixture.PublishAsync(first, second);

        await Eventually.Holds(async () => await fixture.InDatabase(db => db.CustomerFiles.CountAsync(f => f.CustomerId == first.CustomerId || f.CustomerId == second.CustomerId)) == 2,
            TimeSpan.FromSeconds(30), "both files to open");
        await Eventually.Holds(async () => await fixture.InDatabase(db => db.Assignments.CountAsync(a => a.CustomerId == first.CustomerId)) == 1,
            TimeSpan.FromSeconds(30), "the automatic store's customer to be dispatched");
        // The other store's customer never waited for automatic dispatch: nothing will dispatch it.
        Assert.Null((await fixture.InDatabase(db => db.CustomerFiles.SingleAsync(f => f.CustomerId == second.CustomerId))).AwaitingDispatchSince);
        Assert.Equal(0, await fixture.InDatabase(db => db.Assignments.CountAsync(a => a.CustomerId == second.CustomerId)));
    }
}
