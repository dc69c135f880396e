using System.Security.Cryptography;
using System.Text;

namespace Crm.Gateway.Tests;

/// <summary>The gateway's side of partner keys: looked up by hash, cached briefly, revocation felt within the cache time, partner routes only, a limit per partner.</summary>
public sealed class PartnerKeyTests : IAsyncLifetime
{
    private PartnerServiceStub _partners = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _partners = await PartnerServiceStub.StartAsync();
        _gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string>
        {
            ["PartnerKeys:Service"] = _partners.Url,
            ["PartnerKeys:CacheFor"] = "00:00:01",
            ["PartnerKeys:ForgetUnknownAfter"] = "00:00:30",
            ["ReverseProxy:Clusters:partners:Destinations:d1:Address"] = _partners.Url,
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _partners.DisposeAsync();
    }

    private (string Key, PartnerServiceStub.Holder Holder) Key(int perMinute = 1000)
    {
        var key = "crm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var holder = new PartnerServiceStub.Holder(Guid.CreateVersion7(), Guid.CreateVersion7(), "安居客", perMinute);
        _partners.Keys[Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))] = holder;
        return (key, holder);
    }

    private HttpClient WithKey(string key)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task A_known_key_goes_on_as_the_partner_without_the_key_and_a_revoked_one_is_refused_once_the_cache_expires()
    {
        var (key, holder) = Key();
        var client = WithKey(key);

        var forwarded = await client.GetFromJsonAsync<JsonElement>("/api/leads/anything");
        Assert.Equal((holder.PartnerId.ToString(), "Partner", holder.KeyId.ToString(), ""),
            (forwarded.GetProperty("sub").GetString(), forwarded.GetProperty("role").GetString(), forwarded.GetProperty("keyId").GetString(), forwarded.GetProperty("apiKeyHeader").GetString()));

        _partners.Keys.Clear();
        await Eventually.Holds(async () => (await client.GetAsync("/api/leads/anything")).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), "the revoked key to be refused");
        var refused = await client.GetAsync("/api/leads/anything");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_key_is_refused_and_asked_about_once_within_the_time_it_is_remembered()
    {
        var client = WithKey("crm_not-a-key");
        var before = _partners.Lookups;

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/leads")).StatusCode);

        Assert.Equal(before + 1, _partners.Lookups);
    }

    [Fact]
    public async Task A_key_calls_the_partner_api_only_and_never_beside_a_staff_token()
    {
        var (key, _) = Key();
        var onStaffRoute = await WithKey(key).GetAsync("/api/customers");
        Assert.Equal(HttpStatusCode.Forbidden, onStaffRoute.StatusCode);
        Assert.Equal("partner-route-only", (await onStaffRoute.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var both = WithKey(key).As(TestTokens.For(StaffRoles.ChainAdmin));
        Assert.Equal(HttpStatusCode.Unauthorized, (await both.GetAsync("/api/leads")).StatusCode);
    }

    [Fact]
    public async Task Each_partner_has_its_own_limit()
    {
        var (limited, _) = Key(perMinute: 3);
        var (other, _) = Key(perMinute: 1000);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await WithKey(limited).GetAsync("/api/leads")).StatusCode);
        var over = await WithKey(limited).GetAsync("/api/leads");

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.NotNull(over.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(other).GetAsync("/api/leads")).StatusCode);
    }

    [Fact]
    public async Task The_partner_service_not_answering_is_503_with_retry_after()
    {
        await using var gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string> { ["PartnerKeys:Service"] = "http://127.0.0.1:1" });
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "crm_whatever");

        var answer = await client.GetAsync("/api/leads");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.NotNull(answer.Headers.RetryAfter);
    }
}
