namespace Crm.SystemTests;

/// <summary>A dispatch refused and made again, through the gateway, with the trace explaining each step.</summary>
[Collection(SystemCollection.Name)]
public sealed class DispatchJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Registered_dispatched_refused_suspended_and_dispatched_to_another_designer()
    {
        var manager = await system.SignInAsync("sh02.cm", "Store#2026");
        var storeManager = await system.SignInAsync("sh02.manager", "Store#2026");
        var registered = await manager.PostAsJsonAsync("/api/customers", new { source = "Phone", name = "钱多多", phone = $"158{Random.Shared.Next(0, 99_999_999):D8}" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var customer = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var first = await Eventually.Returns(async () =>
        {
            var page = await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={customer}");
            return page.GetProperty("items").EnumerateArray().Select(a => new[] { a }).FirstOrDefault();
        }, Patience, "the automatic dispatch");
        var assignment = first[0];
        var firstDesigner = assignment.GetProperty("designerId").GetGuid();
        var firstTrace = (await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments/{assignment.GetProperty("id").GetGuid()}")).GetProperty("trace");
        Assert.Equal("Automatic", firstTrace.GetProperty("kind").GetString());
        Assert.Equal(6, firstTrace.GetProperty("designers").GetArrayLength());
        Assert.All(firstTrace.GetProperty("designers").EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(d.GetProperty("explanation").GetString())));

        var refused = await manager.PostAsJsonAsync($"/api/dispatch/assignments/{assignment.GetProperty("id").GetGuid()}/refuse", new { reason = "设计师本周出差" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var next = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("next");

        Assert.NotEqual(firstDesigner, next.GetProperty("designerId").GetGuid());
        var refuser = next.GetProperty("trace").GetProperty("designers").EnumerateArray().Single(d => d.GetProperty("designerId").GetGuid() == firstDesigner);
        Assert.Equal("Suspended", refuser.GetProperty("excludedBy").GetString());
        Assert.StartsWith("Not eligible: the designer is suspended until ", refuser.GetProperty("explanation").GetString());
        Assert.StartsWith(next.GetProperty("designerName").GetString() + ": ", next.GetProperty("decision").GetString());
        var designer = await storeManager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers/{firstDesigner}");
        Assert.Equal("Suspended", designer.GetProperty("status").GetString());

        // The customer service shows the new designer and tells the story on the timeline.
        await Eventually.Holds(async () =>
        {
            var shown = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
            return shown.GetProperty("designer").ValueKind == JsonValueKind.Object
                && shown.GetProperty("designer").GetProperty("designerId").GetGuid() == next.GetProperty("designerId").GetGuid();
        }, Patience, "the new designer on the customer");
        var kinds = await Eventually.Returns(async () =>
        {
            var timeline = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline");
            var list = timeline.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
            return list.Count(k => k == "Dispatched") == 2 && list.Contains("AssignmentRefused") ? list : null;
        }, Patience, "the refusal and the new dispatch on the timeline");
        Assert.Equal(["Registered", "Dispatched", "AssignmentRefused", "Dispatched"], kinds);

        // The store is asked to call the customer the same day.
        var tasks = await Eventually.Returns(async () =>
        {
            var page = await manager.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?customerId={customer}");
            var kinds = page.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
            return kinds.Contains("AfterRefusal") ? kinds : null;
        }, Patience, "the follow-up after the refusal");
        Assert.Equal(["AfterRefusal", "FirstFollowUp"], tasks.Order(StringComparer.Ordinal));

        // The new designer signs in, sees the customer with the phone masked, and accepts.
        HttpClient? newDesigner = null;
        for (var n = 1; n <= 6 && newDesigner is null; n++)
        {
            var candidate = await system.SignInAsync($"sh02.designer{n}", "Store#2026");
            var own = await candidate.GetFromJsonAsync<JsonElement>("/api/dispatch/assignments");
            if (own.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("id").GetGuid() == next.GetProperty("id").GetGuid())) newDesigner = candidate;
        }
        Assert.NotNull(newDesigner);
        var seen = await newDesigner.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}");
        Assert.Matches(@"^158\*{4}\d{4}$", seen.GetProperty("phone").GetString());
        var accepted = await newDesigner.PostAsync($"/api/dispatch/assignments/{next.GetProperty("id").GetGuid()}/accept", null);
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("assignment").GetProperty("status").GetString());
        await Eventually.Holds(async () => (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}/timeline"))
            .EnumerateArray().Any(e => e.GetProperty("kind").GetString() == "AssignmentAccepted"), Patience, "the acceptance on the timeline");

        // The designer is back in the rotation once reinstated.
        var reinstated = await storeManager.PostAsJsonAsync($"/api/dispatch/designers/{firstDesigner}/reinstate", new { reason = "出差提前结束" });
        Assert.Equal("Active", (await reinstated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
