namespace Crm.SystemTests;

[Collection(SystemCollection.Name)]
public sealed class RegistrationFlowTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<Guid> DemoStoreAsync(string code)
    {
        var stores = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/stores");
        return stores.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_registered_customer_is_dispatched_and_gets_a_first_follow_up_task()
    {
        var store = await DemoStoreAsync("SH01");
        var phone = $"139{Random.Shared.Next(0, 99_999_999):D8}";

        var response = await system.Gateway.PostAsJsonAsync("/api/customers", new { storeId = store, source = "WalkIn", name = "赵六", phone });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var customer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = customer.GetProperty("id").GetGuid();

        await Eventually.Holds(async () =>
            (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("designer").ValueKind == JsonValueKind.Object,
            Patience, "the customer to be dispatched");
        var designer = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("designer");
        var roster = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers?storeId={store}");
        Assert.Contains(roster.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == designer.GetProperty("designerId").GetGuid());

        var tasks = await Eventually.Returns(async () =>
        {
            var page = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/followups/tasks?storeId={store}&customerId={id}");
            var items = page.GetProperty("items").EnumerateArray().ToArray();
            return items.Length > 0 ? items : null;
        }, Patience, "the first follow-up task");
        var task = Assert.Single(tasks);
        var registeredAt = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("registeredAt").GetDateTimeOffset();
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(registeredAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Equal("FirstFollowUp", task.GetProperty("kind").GetString());
        Assert.Equal(localDay.AddDays(2).ToString("yyyy-MM-dd"), task.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task A_customer_manager_signs_in_and_works_in_their_own_store_only()
    {
        var home = await DemoStoreAsync("SH01");
        var other = await DemoStoreAsync("SH02");
        var manager = await system.SignInAsync("sh01.cm", "Store#2026");

        var stores = await manager.GetFromJsonAsync<JsonElement>("/api/stores");
        var registered = await manager.PostAsJsonAsync("/api/customers", new { source = "Phone", name = "吴十", phone = $"136{Random.Shared.Next(0, 99_999_999):D8}" });
        var intoOther = await manager.PostAsJsonAsync("/api/customers", new { storeId = other, source = "Phone", name = "吴十", phone = $"136{Random.Shared.Next(0, 99_999_999):D8}" });
        var staff = await manager.GetAsync("/api/staff");

        Assert.Equal([home], stores.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, intoOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await system.Anonymous().GetAsync("/api/customers")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_and_registers_nothing()
    {
        var store = await DemoStoreAsync("SH02");

        var response = await system.Gateway.PostAsJsonAsync("/api/customers", new { storeId = store, source = "WalkIn", name = "钱七", phone = "12" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("phone", out _));
        var found = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/customers?storeId={store}&q=%E9%92%B1%E4%B8%83");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_service_publishes_its_api_description_through_the_gateway()
    {
        foreach (var service in new[] { "customers", "dispatch", "contracts", "followups" })
        {
            var document = await system.Anonymous().GetFromJsonAsync<JsonElement>($"/openapi/{service}.json");
            Assert.True(document.GetProperty("paths").EnumerateObject().Any(), $"{service} describes no path");
        }
        var docs = await system.Anonymous().GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }
}
