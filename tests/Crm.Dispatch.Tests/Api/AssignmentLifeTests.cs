using Microsoft.EntityFrameworkCore;

namespace Crm.Dispatch.Tests.Api;

/// <summary>Dispatching through the API and the life of an assignment: accept, refuse (suspension, removal flag, re-dispatch), reassign.</summary>
public sealed class AssignmentLifeTests(DispatchServiceFixture fixture) : IClassFixture<DispatchServiceFixture>
{
    private async Task<JsonElement> DispatchAsync(Guid customer, object? extra = null)
    {
        var response = await fixture.Admin.PostAsJsonAsync("/api/dispatch/assignments", extra ?? new { customerId = customer });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_refusal_suspends_the_designer_for_exactly_the_settings_days_and_dispatches_the_customer_again()
    {
        var store = await fixture.OpenStoreAsync(s => s with { RefusalSuspensionDays = 7 });
        var designers = await fixture.AddDesignersAsync(store, 2);
        var customer = await fixture.CustomerAsync(store);
        var first = await DispatchAsync(customer);
        var refuser = designers.Single(d => d.Id == first.GetProperty("designerId").GetGuid());
        var other = designers.Single(d => d != refuser);

        var refused = await fixture.Admin.PostAsJsonAsync($"/api/dispatch/assignments/{first.GetProperty("id").GetGuid()}/refuse", new { reason = "档期已满" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refused", body.GetProperty("assignment").GetProperty("status").GetString());
        var next = body.GetProperty("next");
        Assert.Equal(other.Id, next.GetProperty("designerId").GetGuid());
        Assert.Equal("Automatic", next.GetProperty("kind").GetString());
        var refuserLine = next.GetProperty("trace").GetProperty("designers").EnumerateArray().Single(d => d.GetProperty("designerId").GetGuid() == refuser.Id);
        var lastDay = DispatchServiceFixture.StoreToday.AddDays(6);
        Assert.Equal($"Not eligible: the designer is suspended until {lastDay:yyyy-MM-dd}.", refuserLine.GetProperty("explanation").GetString());
        Assert.Equal("Suspended", refuserLine.GetProperty("excludedBy").GetString());

        var designer = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{refuser.Id}");
        Assert.Equal(("Suspended", lastDay.ToString("yyyy-MM-dd")), (designer.GetProperty("status").GetString(), designer.GetProperty("suspendedUntil").GetString()));
        var suspended = await fixture.InDatabase(db => db.Designers.SingleAsync(d => d.Id == refuser.Id));
        Assert.Equal(DesignerStatus.Suspended, suspended.StatusOn(lastDay));
        Assert.Equal(DesignerStatus.Active, suspended.StatusOn(lastDay.AddDays(1)));

        var events = await fixture.InDatabase(db => db.OutboxMessages.Select(m => new { m.MessageType, m.Body }).ToListAsync());
        Assert.Single(events, e => e.MessageType == typeof(AssignmentRefused).FullName && e.Body.Contains(customer.ToString()));
        Assert.Single(events, e => e.MessageType == typeof(DesignerSuspended).FullName && e.Body.Contains(refuser.Id.ToString()));
        Assert.Equal(2, events.Count(e => e.MessageType == typeof(CustomerDispatched).FullName && e.Body.Contains(customer.ToString())));
        var history = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{refuser.Id}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "Suspended" && h.GetProperty("reason").GetString() == "档期已满");
    }

    [Fact]
    public async Task Three_refusals_within_180_days_flag_the_designer_for_removal_once()
    {
        var store = await fixture.OpenStoreAsync(s => s with { RefusalSuspensionDays = 0 });
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();

        for (var i = 1; i <= 4; i++)
        {
            var assignment = await DispatchAsync(await fixture.CustomerAsync(store));
            var refused = await fixture.Admin.PostAsJsonAsync($"/api/dispatch/assignments/{assignment.GetProperty("id").GetGuid()}/refuse", new { reason = $"第{i}次" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var flagged = (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}")).GetProperty("removalFlaggedAt").ValueKind;
            Assert.Equal(i >= 3 ? JsonValueKind.String : JsonValueKind.Null, flagged);
        }
        var flags = await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(DesignerRemovalFlagged).FullName).Select(m => m.Body).ToListAsync());
        Assert.Single(flags, f => f.Contains(designer.Id.ToString()));
        // Flagged is not removed: the store manager decides.
        Assert.Equal("Active", (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{designer.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_accepted_assignment_is_announced_and_cannot_be_accepted_or_refused_again()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        var assignment = await DispatchAsync(await fixture.CustomerAsync(store));
        var id = assignment.GetProperty("id").GetGuid();
        var own = fixture.Service.ClientAs("Designer", store, designer.Id);

        var accepted = await own.PostAsync($"/api/dispatch/assignments/{id}/accept", null);
        var again = await own.PostAsync($"/api/dispatch/assignments/{id}/accept", null);
        var refused = await own.PostAsJsonAsync($"/api/dispatch/assignments/{id}/refuse", new { reason = "改主意" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("invalid-transition", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var accepts = await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(AssignmentAccepted).FullName).Select(m => m.Body).ToListAsync());
        Assert.Single(accepts, b => b.Contains(id.ToString()));
        // Another designer does not see the assignment at all.
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Service.ClientAs("Designer", store, Guid.NewGuid()).PostAsync($"/api/dispatch/assignments/{id}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task Naming_a_designer_against_the_rules_needs_a_reason_and_is_marked_as_an_override()
    {
        var store = await fixture.OpenStoreAsync();
        var designers = await fixture.AddDesignersAsync(store, 2);
        var customer = await fixture.CustomerAsync(store);
        var suggestion = await (await fixture.Admin.PostAsJsonAsync("/api/dispatch/suggestions", new { customerId = customer })).Content.ReadFromJsonAsync<JsonElement>();
        var rulesChoice = suggestion.GetProperty("suggestedDesignerId").GetGuid();
        var other = designers.Single(d => d.Id != rulesChoice);

        var withoutReason = await fixture.Admin.PostAsJsonAsync("/api/dispatch/assignments", new { customerId = customer, designerId = other.Id });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(0, await fixture.InDatabase(db => db.Assignments.CountAsync(a => a.CustomerId == customer)));

        var withReason = await DispatchAsync(customer, new { customerId = customer, designerId = other.Id, reason = "客户点名" });

        Assert.True(withReason.GetProperty("override").GetBoolean());
        Assert.Equal("Manual", withReason.GetProperty("decidingRule").GetString());
        Assert.EndsWith("overriding the rules, which would have chosen 设计师0" + (designers.IndexOf(designers.Single(d => d.Id == rulesChoice)) + 1) + ": 客户点名",
            withReason.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task With_nobody_eligible_the_answer_is_a_conflict_with_the_trace_and_nothing_is_assigned()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsJsonAsync($"/api/dispatch/designers/{designer.Id}/duty",
            new { date = DispatchServiceFixture.StoreToday, onDuty = false })).StatusCode);
        var customer = await fixture.CustomerAsync(store);

        var response = await fixture.Admin.PostAsJsonAsync("/api/dispatch/assignments", new { customerId = customer });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("no-eligible-designer", problem.GetProperty("code").GetString());
        var line = Assert.Single(problem.GetProperty("trace").GetProperty("designers").EnumerateArray());
        Assert.Equal("NotOnDuty", line.GetProperty("excludedBy").GetString());
        Assert.Equal(0, await fixture.InDatabase(db => db.Assignments.CountAsync(a => a.CustomerId == customer)));
    }

    [Fact]
    public async Task A_reassignment_goes_to_someone_else_and_keeps_the_reason()
    {
        var store = await fixture.OpenStoreAsync();
        var designers = await fixture.AddDesignersAsync(store, 2);
        var first = await DispatchAsync(await fixture.CustomerAsync(store));

        var response = await fixture.Admin.PostAsJsonAsync($"/api/dispatch/assignments/{first.GetProperty("id").GetGuid()}/reassign", new { reason = "客户要求换设计师" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Reassigned", "客户要求换设计师"), (body.GetProperty("assignment").GetProperty("status").GetString(), body.GetProperty("assignment").GetProperty("endReason").GetString()));
        Assert.NotEqual(first.GetProperty("designerId").GetGuid(), body.GetProperty("next").GetProperty("designerId").GetGuid());
    }

    [Fact]
    public async Task The_list_gives_a_stores_assignments_of_a_day_and_by_status()
    {
        var store = await fixture.OpenStoreAsync();
        await fixture.AddDesignersAsync(store, 2);
        var first = await DispatchAsync(await fixture.CustomerAsync(store));
        await DispatchAsync(await fixture.CustomerAsync(store));
        await fixture.Admin.PostAsync($"/api/dispatch/assignments/{first.GetProperty("id").GetGuid()}/accept", null);
        var today = DispatchServiceFixture.StoreToday;

        var ofToday = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?storeId={store}&date={today:yyyy-MM-dd}");
        var ofYesterday = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?storeId={store}&date={today.AddDays(-1):yyyy-MM-dd}");
        var accepted = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?storeId={store}&status=Accepted");
        var paged = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?storeId={store}&pageSize=1&page=2");

        Assert.Equal((2, 0), (ofToday.GetProperty("total").GetInt32(), ofYesterday.GetProperty("total").GetInt32()));
        Assert.Equal([first.GetProperty("id").GetGuid()], accepted.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal((2, 1), (paged.GetProperty("total").GetInt32(), paged.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Admin.GetAsync($"/api/dispatch/assignments?status=Lost")).StatusCode);
    }

    [Theory]
    [InlineData("refuse", """{ }""", "reason")]
    [InlineData("refuse", """{ "reason": " " }""", "reason")]
    [InlineData("reassign", """{ }""", "reason")]
    [InlineData("refuse", """{ "reason": "x", "extra": 1 }""", "extra")]
    public async Task A_refusal_or_reassignment_without_a_reason_is_refused(string action, string json, string field)
    {
        var store = await fixture.OpenStoreAsync();
        await fixture.AddDesignersAsync(store, 1);
        var assignment = await DispatchAsync(await fixture.CustomerAsync(store));

        var response = await fixture.Admin.PostAsync($"/api/dispatch/assignments/{assignment.GetProperty("id").GetGuid()}/{action}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("Offered", (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments/{assignment.GetProperty("id").GetGuid()}")).GetProperty("status").GetString());
    }
}
