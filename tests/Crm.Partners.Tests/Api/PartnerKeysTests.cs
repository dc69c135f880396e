using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Crm.Partners.Tests.Api;

/// <summary>The administrator's partners and keys, and the lookup the gateway makes of a key.</summary>
public sealed class PartnerKeysTests : IAsyncLifetime
{
    private PartnerHost _host = null!;

    public async Task InitializeAsync() => _host = await PartnerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private Task<HttpResponseMessage> LookUpAsync(string key) =>
        _host.Service.ClientAs(PartnerAccess.GatewayRole).PostAsJsonAsync("/internal/api-keys/lookup", new { keyHash = Hash(key) });

    [Fact]
    public async Task A_key_is_shown_once_kept_as_a_hash_looked_up_by_the_gateway_and_refused_once_revoked()
    {
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store], webhookUrl: "https://partner.example/hooks");
        Assert.StartsWith("crm_", partner.ApiKey);
        Assert.StartsWith("whsec_", partner.WebhookSecret);

        var listed = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.Id}");
        Assert.DoesNotContain(partner.ApiKey, listed.GetRawText());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("webhookSecret").ValueKind);
        Assert.Equal(partner.ApiKey[..10], listed.GetProperty("keys")[0].GetProperty("hint").GetString());
        var stored = await _host.InDatabase(db => db.ApiKeys.SingleAsync(k => k.Id == partner.KeyId));
        Assert.Equal(Hash(partner.ApiKey), stored.Hash);
        Assert.Null(stored.LastUsedAt);

        var found = await LookUpAsync(partner.ApiKey);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var holder = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((partner.Id, partner.KeyId, 120), (holder.GetProperty("partnerId").GetGuid(), holder.GetProperty("keyId").GetGuid(), holder.GetProperty("requestsPerMinute").GetInt32()));
        Assert.NotNull((await _host.InDatabase(db => db.ApiKeys.SingleAsync(k => k.Id == partner.KeyId))).LastUsedAt);

        Assert.Equal(HttpStatusCode.OK, (await _host.Admin.DeleteAsync($"/api/partners/{partner.Id}/keys/{partner.KeyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(partner.ApiKey)).StatusCode);
        var revoked = await _host.InDatabase(db => db.ApiKeys.SingleAsync(k => k.Id == partner.KeyId));
        Assert.NotNull(revoked.RevokedAt);
    }

    [Fact]
    public async Task A_second_key_rotates_without_a_gap_and_a_disabled_partner_has_no_key_that_works()
    {
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store]);
        var second = await (await _host.Admin.PostAsJsonAsync($"/api/partners/{partner.Id}/keys", new { label = "rotation" })).Content.ReadFromJsonAsync<JsonElement>();
        var secondKey = second.GetProperty("apiKey").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(partner.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LookUpAsync(secondKey)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _host.Admin.DeleteAsync($"/api/partners/{partner.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(partner.ApiKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await LookUpAsync(secondKey)).StatusCode);
        Assert.Equal(2, await _host.InDatabase(db => db.ApiKeys.CountAsync(k => k.PartnerId == partner.Id)));
    }

    [Fact]
    public async Task Only_the_chain_administrator_manages_partners_and_only_the_gateway_looks_keys_up()
    {
        var store = await _host.StoreAsync();
        var body = new { name = "安居客", allowedStores = new[] { store } };
        foreach (var role in new[] { StaffRoles.Marketing, StaffRoles.StoreManager, StaffRoles.CustomerManager })
            Assert.Equal(HttpStatusCode.Forbidden, (await _host.Service.ClientAs(role, store).PostAsJsonAsync("/api/partners", body)).StatusCode);
        var partner = await _host.PartnerAsync([store]);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.Client.GetAsync("/api/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Admin.PostAsJsonAsync("/internal/api-keys/lookup", new { keyHash = Hash(partner.ApiKey) })).StatusCode);
        Assert.Equal(0, await _host.InDatabase(db => db.Partners.CountAsync(p => p.Name == "安居客")));
    }

    [Fact]
    public async Task Bad_terms_are_refused_naming_the_field()
    {
        await _host.StoreAsync();   // the chain has a store; the terms name another
        var refused = await _host.Admin.PostAsJsonAsync("/api/partners", new
        {
            // An id not made lately (not a recent UUIDv7): unknown at once, not "on its way".
            name = "", allowedStores = new[] { Guid.NewGuid() }, scopes = new[] { "customers:read" }, webhookUrl = "ftp://x", requestsPerMinute = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["allowedStores", "name", "requestsPerMinute", "scopes", "webhookUrl"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await _host.InDatabase(db => db.Partners.CountAsync()));
    }

    [Fact]
    public async Task A_store_opened_a_moment_ago_that_has_not_arrived_is_on_its_way_not_unknown()
    {
        var refused = await _host.Admin.PostAsJsonAsync("/api/partners", new { name = "链家", allowedStores = new[] { Guid.CreateVersion7() } });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("not-yet-arrived", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(0, await _host.InDatabase(db => db.Partners.CountAsync()));
    }
}
