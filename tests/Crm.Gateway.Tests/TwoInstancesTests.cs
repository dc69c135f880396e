namespace Crm.Gateway.Tests;

/// <summary>
/// Two instances of the gateway on one database, as behind a load balancer: a caller's request limit is counted
/// once across both, and a write repeated with its Idempotency-Key through the other instance gets the first answer.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private GatewayFactory _first = null!;
    private GatewayFactory _second = null!;

    public async Task InitializeAsync()
    {
        var database = await TestServers.CreateDatabaseAsync("gateway-pair");
        _first = new GatewayFactory(database, requestsPerMinute: 5);
        _ = _first.Server;
        _second = new GatewayFactory(database, requestsPerMinute: 5);
        _ = _second.Server;
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task A_callers_limit_is_counted_once_across_both_instances()
    {
        var token = TestTokens.For("ChainAdmin", null, userId: Guid.NewGuid());
        var one = _first.CreateClient().As(token);
        var other = _second.CreateClient().As(token);

        var answers = new List<HttpStatusCode>();
        foreach (var client in new[] { one, other, one, other, one, other })
            answers.Add((await client.GetAsync("/api/staff")).StatusCode);
        var someoneElse = await _second.CreateClient().As(TestTokens.For("ChainAdmin", null, userId: Guid.NewGuid())).GetAsync("/api/staff");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }

    [Fact]
    public async Task A_write_repeated_through_the_other_instance_gets_the_first_answer()
    {
        var store = await _first.StoreAsync();
        var token = TestTokens.For("ChainAdmin", null, userId: Guid.NewGuid());
        var body = new { username = $"cm.{Guid.NewGuid():N}"[..20], password = "Staff#2026", displayName = "测试", role = "CustomerManager", storeId = store };
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(_first.CreateClient().As(token), body, key);
        var again = await SendAsync(_second.CreateClient().As(token), body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotency-Replayed").Single());
        var staff = await _second.CreateClient().As(token).GetFromJsonAsync<JsonElement>($"/api/staff?storeId={store}");
        Assert.Equal(1, staff.GetProperty("total").GetInt32());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
