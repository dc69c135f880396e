namespace Crm.SystemTests;

/// <summary>A contract form from stock to finance, through the gateway, with the customer's stage following it.</summary>
[Collection(SystemCollection.Name)]
public sealed class ContractJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<JsonElement> StaffAsync(string username)
    {
        var page = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("username").GetString() == username);
    }

    private async Task<string> StageAsync(HttpClient client, Guid customer) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/customers/{customer}")).GetProperty("stage").GetString()!;

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task From_stock_to_finance_the_customer_is_signed_then_reviewed_and_wrong_recipients_are_refused_on_record()
    {
        var cm = await system.SignInAsync("sh01.cm", "Store#2026");
        var manager = await system.SignInAsync("sh01.manager", "Store#2026");
        var finance = await system.SignInAsync("sh01.finance", "Store#2026");
        var registered = await Ok(await cm.PostAsJsonAsync("/api/customers", new { source = "WalkIn", name = "冯签约", phone = $"137{Random.Shared.Next(0, 99_999_999):D8}" }));
        var customer = registered.GetProperty("id").GetGuid();
        var designerId = await Eventually.Returns(async () =>
        {
            var page = await cm.GetFromJsonAsync<JsonElement>($"/api/dispatch/assignments?customerId={customer}");
            return page.GetProperty("items").EnumerateArray().Select(a => (object)a.GetProperty("designerId").GetGuid()).FirstOrDefault();
        }, Patience, "the automatic dispatch");
        var designerAccount = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/staff?pageSize=200&role=Designer")).GetProperty("items").EnumerateArray()
            .Single(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("designerId").ValueKind == JsonValueKind.String && s.GetProperty("designerId").GetGuid() == (Guid)designerId);
        var designer = await system.SignInAsync(designerAccount.GetProperty("username").GetString()!, "Store#2026");
        var serial = $"SYS{Random.Shared.Next(10, 99)}-{Random.Shared.Next(100_000, 999_999)}";

        Assert.Equal(HttpStatusCode.Created, (await cm.PostAsJsonAsync("/api/contracts/forms/receive", new { fromSerial = serial, toSerial = serial })).StatusCode);
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/issue", new { designerId, customerId = customer }));
        await Ok(await designer.PostAsJsonAsync($"/api/contracts/forms/{serial}/sign", new { customerId = customer, amount = 286000m, areaM2 = 126m }));
        await Eventually.Holds(async () => await StageAsync(cm, customer) == "ContractSigned", Patience, "the customer's stage to become ContractSigned");
        var seenByCm = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}");
        Assert.Equal(JsonValueKind.Null, seenByCm.GetProperty("contract").GetProperty("amount").ValueKind);
        await Ok(await cm.PostAsync($"/api/contracts/forms/{serial}/retrieve", null));

        var toDesigner = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = designerAccount.GetProperty("id").GetGuid(), purpose = "看看", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) });
        var otherManager = await StaffAsync("sh02.manager");
        var toOtherStore = await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = otherManager.GetProperty("id").GetGuid(), purpose = "审批", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { toDesigner.StatusCode, toOtherStore.StatusCode });

        var storeManager = await StaffAsync("sh01.manager");
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/transfer", new { toUserId = storeManager.GetProperty("id").GetGuid(), purpose = "审批", expectedReturnAt = DateTimeOffset.UtcNow.AddDays(1) }));
        var approved = await Ok(await manager.PostAsJsonAsync($"/api/contracts/forms/{serial}/approve", new { }));
        Assert.Equal(286000m, approved.GetProperty("contract").GetProperty("amount").GetDecimal());
        await Eventually.Holds(async () => await StageAsync(cm, customer) == "Reviewed", Patience, "the customer's stage to become Reviewed");
        await Ok(await manager.PostAsync($"/api/contracts/forms/{serial}/return", null));
        await Ok(await cm.PostAsJsonAsync($"/api/contracts/forms/{serial}/report", new { financeUserId = (await StaffAsync("sh01.finance")).GetProperty("id").GetGuid() }));
        var acknowledged = await Ok(await finance.PostAsync($"/api/contracts/forms/{serial}/acknowledge", null));

        Assert.Equal("Acknowledged", acknowledged.GetProperty("state").GetString());
        var custody = await cm.GetFromJsonAsync<JsonElement>($"/api/contracts/forms/{serial}/custody");
        Assert.Equal(["Received", "Issued", "Signed", "Retrieved", "PassingRefused", "PassingRefused", "PassedOn", "Approved", "Returned", "Reported", "Acknowledged"],
            custody.GetProperty("moves").EnumerateArray().Select(m => m.GetProperty("action").GetString()));
    }
}
