namespace Crm.SystemTests;

/// <summary>One customer's whole story through the gateway, as the store's staff record it, told back by the timeline.</summary>
[Collection(SystemCollection.Name)]
public sealed class CustomerJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_walk_in_customer_from_registration_to_completed_construction()
    {
        var manager = await system.SignInAsync("sh01.cm", "Store#2026");
        var storeManager = await system.SignInAsync("sh01.manager", "Store#2026");
        var phone = $"135{Random.Shared.Next(0, 99_999_999):D8}";

        var registered = await manager.PostAsJsonAsync("/api/customers", new
        {
            source = "WalkIn", name = "孙丽", phone,
            family = new { size = 3, children = 1 },
            preferences = new { styles = new[] { "新中式" }, budget = 260000m },
            house = new { community = "徐汇苑", areaM2 = 120m, layout = "3室2厅", kind = "SecondHand" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var designer = await Eventually.Returns(async () =>
        {
            var customer = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
            return customer.GetProperty("designer").ValueKind == JsonValueKind.Object ? customer.GetProperty("designer").GetProperty("name").GetString() : null;
        }, Patience, "the customer to be dispatched");

        object[] work =
        [
            new { type = "DepositPaid", amount = 2000m, depositKind = "Measurement" },
            new { type = "Measured" },
            new { type = "DesignFeePaid", amount = 6000m },
            new { type = "DrawingsIssued" },
            new { type = "Quoted", amount = 248000m },
            new { type = "ContractSigned", amount = 240000m, areaM2 = 118.5m },
        ];
        foreach (var milestone in work) Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/customers/{id}/milestones", milestone)).StatusCode);
        await Conflict(manager, id, new { type = "ConstructionStarted" });
        Assert.Equal(HttpStatusCode.Created, (await storeManager.PostAsJsonAsync($"/api/customers/{id}/milestones", new { type = "Reviewed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/customers/{id}/milestones", new { type = "ConstructionStarted" })).StatusCode);
        var patched = await manager.PatchAsJsonAsync($"/api/customers/{id}", new { otherContact = "微信 sunli", reason = "开工时补充联系方式" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/customers/{id}/milestones", new { type = "Completed" })).StatusCode);
        await Conflict(manager, id, new { type = "Measured" });

        var timeline = (await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/timeline")).EnumerateArray().ToList();
        Assert.Equal(
            ["Registered", "Dispatched", "DepositPaid", "Measured", "DesignFeePaid", "DrawingsIssued", "Quoted", "ContractSigned", "Reviewed", "ConstructionStarted", "InfoChanged", "Completed"],
            timeline.Select(e => e.GetProperty("kind").GetString()));
        Assert.StartsWith($"Dispatched to designer {designer}. {designer}: ", timeline[1].GetProperty("summary").GetString());
        Assert.Equal("Contract of ¥240,000.00 signed for 118.5 m².", timeline[7].GetProperty("summary").GetString());
        Assert.Equal("otherContact: — → 微信 sunli", timeline[10].GetProperty("summary").GetString());
        var done = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("Completed", done.GetProperty("stage").GetString());
        Assert.Equal(9, done.GetProperty("milestones").GetArrayLength());

        // The day's registers list the customer: walked in, and handed over to the designer.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd");
        var walkIns = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/registers/walk-in?date={today}");
        var handedOver = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/registers/handed-over?date={today}");
        Assert.Contains(walkIns.GetProperty("rows").EnumerateArray(), r => r.GetProperty("customerId").GetGuid() == id);
        Assert.Contains(handedOver.GetProperty("rows").EnumerateArray(), r => r.GetProperty("customerId").GetGuid() == id && r.GetProperty("designerName").GetString() == designer);
        var csv = await manager.GetAsync($"/api/customers/registers/walk-in?date={today}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("孙丽", await csv.Content.ReadAsStringAsync());
    }

    private static async Task Conflict(HttpClient client, Guid id, object milestone)
    {
        var response = await client.PostAsJsonAsync($"/api/customers/{id}/milestones", milestone);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("invalid-transition", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
