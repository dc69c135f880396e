using Microsoft.EntityFrameworkCore;

namespace Crm.Dispatch.Tests.Api;

/// <summary>Every bad field of the dispatch API is a 400 problem naming it, and nothing changes.</summary>
public sealed class BadInputTests(DispatchServiceFixture fixture) : IClassFixture<DispatchServiceFixture>
{
    public static TheoryData<string, string, string, string> Requests => new()
    {
        { "POST", "/api/dispatch/assignments", """{ }""", "customerId" },
        { "POST", "/api/dispatch/assignments", """{ "customerId": "{customer}", "designerId": "{unknown}" }""", "designerId" },
        { "POST", "/api/dispatch/assignments", """{ "customerId": "not-an-id" }""", "customerId" },
        { "POST", "/api/dispatch/assignments", """{ "customerId": "{customer}", "priority": 1 }""", "priority" },
        { "POST", "/api/dispatch/suggestions", """{ }""", "customerId" },
        { "POST", "/api/dispatch/designers", """{ "storeId": "{store}", "level": "Senior" }""", "name" },
        { "POST", "/api/dispatch/designers", """{ "storeId": "{store}", "name": "赵", "level": 3 }""", "level" },
        { "POST", "/api/dispatch/designers", """{ "storeId": "{store}", "name": "赵", "level": "Senior", "styles": [""] }""", "styles" },
        { "PATCH", "/api/dispatch/designers/{designer}", """{ "storeId": "{store}" }""", "storeId" },
        { "PATCH", "/api/dispatch/designers/{designer}", """{ "name": " " }""", "name" },
        { "PUT", "/api/dispatch/designers/{designer}/duty", """{ "onDuty": false }""", "date" },
        { "PUT", "/api/dispatch/designers/{designer}/duty", """{ "date": "2026-11-27" }""", "onDuty" },
        { "PUT", "/api/dispatch/designers/{designer}/duty", """{ "date": "tomorrow", "onDuty": true }""", "date" },
        { "POST", "/api/dispatch/designers/{designer}/suspend", """{ "reason": "投诉", "until": "2000-01-01" }""", "until" },
        { "POST", "/api/dispatch/designers/{designer}/remove", """{ "reason": "离职", "until": "2030-01-01" }""", "until" },
        { "POST", "/api/dispatch/designers/{designer}/reinstate", """{ }""", "reason" },
        { "PUT", "/api/dispatch/settings/{store}", """{ "holdingCap": "three" }""", "holdingCap" },
        { "PUT", "/api/dispatch/settings/{store}", """{ "stalledProposalDays": 0 }""", "stalledProposalDays" },
        { "PUT", "/api/dispatch/settings/{store}", """{ "bigOrderMinLevel": 5 }""", "bigOrderMinLevel" },
        { "PUT", "/api/dispatch/settings/{store}", """{ "bigOrderArea": 0 }""", "bigOrderArea" },
        { "PUT", "/api/dispatch/settings/{store}", """{ "holdingCaps": 4 }""", "holdingCaps" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_bad_field_names_itself_and_changes_nothing(string method, string path, string json, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var designer = (await fixture.AddDesignersAsync(store, 1)).Single();
        var customer = await fixture.CustomerAsync(store);
        string Fill(string text) => text.Replace("{store}", store.ToString()).Replace("{designer}", designer.Id.ToString())
            .Replace("{customer}", customer.ToString()).Replace("{unknown}", Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path)) { Content = new StringContent(Fill(json), System.Text.Encoding.UTF8, "application/json") };

        var response = await fixture.Service.ClientAs("StoreManager", store).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        Assert.Equal(0, await fixture.InDatabase(db => db.Assignments.CountAsync(a => a.StoreId == store)));
        Assert.Equal(0, await fixture.InDatabase(db => db.DesignerHistory.CountAsync(h => h.StoreId == store)));
        Assert.Equal(0, await fixture.InDatabase(db => db.SettingsChanges.CountAsync(c => c.StoreId == store)));
        Assert.Equal(1, await fixture.InDatabase(db => db.Designers.CountAsync(d => d.StoreId == store)));
        Assert.Equal(DesignerStatus.Active, await fixture.InDatabase(db => db.Designers.Where(d => d.Id == designer.Id).Select(d => d.Status).SingleAsync()));
    }

    public static TheoryData<string, string, string> WrongTypes => new()
    {
        { """{ "storeId": "{store}", "name": "赵", "level": "Junior" }""", "level", "One of Assistant, Designer, Senior, Chief." },
        { """{ "storeId": "{store}", "name": "赵", "level": "Senior", "chargesDesignFee": "yes" }""", "chargesDesignFee", "true or false." },
        { """{ "storeId": "not-an-id", "name": "赵", "level": "Senior" }""", "storeId", "An id: a UUID." },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public async Task A_value_of_the_wrong_type_says_what_the_field_takes(string json, string field, string reason)
    {
        var store = await fixture.OpenStoreAsync();
        var content = new StringContent(json.Replace("{store}", store.ToString()), System.Text.Encoding.UTF8, "application/json");

        var response = await fixture.Service.ClientAs("StoreManager", store).PostAsync("/api/dispatch/designers", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([reason], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(0, await fixture.InDatabase(db => db.Designers.CountAsync(d => d.StoreId == store)));
    }
}
