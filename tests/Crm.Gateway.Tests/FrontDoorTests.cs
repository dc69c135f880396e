namespace Crm.Gateway.Tests;

/// <summary>Body limit, rate limit, idempotent writes, the audit log and security headers.</summary>
public sealed class FrontDoorTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static object NewStaff(Guid store, string? name = null) =>
        new { username = name ?? $"cm.{Guid.NewGuid():N}"[..20], password = "Staff#2026", displayName = "测试", role = "CustomerManager", storeId = store };

    [Fact]
    public async Task A_query_value_with_control_characters_is_a_400_naming_the_parameter()
    {
        var response = await _gateway.ClientAs().GetAsync("/api/audit?userId=a%00b%1B");

        await ProblemAssert.NamesFieldAsync(response, "userId");
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var content = new StringContent(new string('x', 1024 * 1024 + 1), System.Text.Encoding.UTF8, "application/json");

        var response = await _gateway.ClientAs().PostAsync("/api/staff", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_write_with_the_same_key_gets_the_first_answer_and_changes_nothing_more()
    {
        var store = await _gateway.StoreAsync();
        var body = NewStaff(store);
        var key = Guid.NewGuid().ToString();
        var client = _gateway.ClientAs();

        var first = await Send(client, body, key);
        var again = await Send(client, body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues("Idempotency-Replayed").Single());
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/staff?storeId={store}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_conflict()
    {
        var store = await _gateway.StoreAsync();
        var key = Guid.NewGuid().ToString();
        var client = _gateway.ClientAs();
        await Send(client, NewStaff(store), key);

        var other = await Send(client, NewStaff(store), key);

        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("idempotency-key-reused", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/api/staff?storeId={store}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_write_is_in_the_audit_log_with_who_and_where()
    {
        var store = await _gateway.StoreAsync();
        var manager = Guid.NewGuid();
        var client = _gateway.CreateClient().As(TestTokens.For("StoreManager", store, userId: manager));

        var created = await client.PostAsJsonAsync("/api/staff", NewStaff(store));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audit = await client.GetFromJsonAsync<JsonElement>("/api/audit");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(manager.ToString(), entry.GetProperty("userId").GetString());
        Assert.Equal("StoreManager", entry.GetProperty("role").GetString());
        Assert.Equal(store, entry.GetProperty("storeId").GetGuid());
        Assert.Equal("POST", entry.GetProperty("method").GetString());
        Assert.Equal("/api/staff", entry.GetProperty("path").GetString());
        Assert.Equal(201, entry.GetProperty("status").GetInt32());
        // The test server has no remote address to give; the field is there for a real connection's.
        Assert.True(entry.TryGetProperty("remoteAddress", out _));
    }

    [Fact]
    public async Task Answers_carry_security_headers()
    {
        var response = await _gateway.ClientAs().GetAsync("/api/staff");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync(requestsPerMinute: 5);

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_retry_after_and_others_are_not_slowed()
    {
        var busy = _gateway.ClientAs();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/staff")).StatusCode);

        var refused = await busy.GetAsync("/api/staff");
        var someoneElse = await _gateway.ClientAs().GetAsync("/api/staff");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, someoneElse.StatusCode);
    }
}
