using System.Security.Cryptography;
using System.Text;

namespace Crm.SystemTests;

/// <summary>
/// A partner integrates through the gateway as its guide says: the chain gives it a key, it sends a lead, reads the
/// lead's status, hears each change by a webhook it verifies itself; a revoked key stops working within a minute.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PartnerJourneyTests(SystemFixture system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>What the partner guide tells a receiver to do: HMAC-SHA256 of "timestamp.body" with the webhook secret.</summary>
    private static bool SignedByTheChain(string secret, WebhookReceiver.Received request) =>
        request.Signature == "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{request.Timestamp}.{request.Body}")));

    [Fact]
    public async Task A_partner_sends_a_lead_reads_its_status_and_verifies_the_webhooks_until_its_key_is_revoked()
    {
        await using var receiver = await WebhookReceiver.StartAsync(_ => Task.FromResult(200));
        var stores = await system.Gateway.GetFromJsonAsync<JsonElement>("/api/stores");
        var sh01 = stores.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "SH01").GetProperty("id").GetGuid();
        var created = await system.Gateway.PostAsJsonAsync("/api/partners", new { name = "安居客" + Random.Shared.Next(1000, 9999), allowedStores = new[] { sh01 }, webhookUrl = receiver.Url });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var partner = await created.Content.ReadFromJsonAsync<JsonElement>();
        var partnerId = partner.GetProperty("id").GetGuid();
        var secret = partner.GetProperty("webhookSecret").GetString()!;
        var key = (await (await system.Gateway.PostAsJsonAsync($"/api/partners/{partnerId}/keys", new { label = "production" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("apiKey").GetString()!;
        var client = system.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var externalId = "AJK-" + Guid.NewGuid().ToString("N")[..10];
        var lead = new { externalId, city = "上海", name = "周女士", phone = $"135{Random.Shared.Next(0, 99_999_999):D8}", house = new { community = "绿地海域", areaM2 = 96 } };
        var sent = await client.PostAsJsonAsync("/api/leads", lead);
        var again = await client.PostAsJsonAsync("/api/leads", lead);
        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (sent.StatusCode, again.StatusCode));
        var leadId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        Assert.Equal(leadId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid());

        // The store registers it: the partner sees the customer number; the store finds the lead among its customers.
        var customerNo = await Eventually.Returns(async () =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("customerNo").GetString(), Patience, "the lead to be registered");
        var found = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/customers?storeId={sh01}&q={customerNo}");
        var customer = found.GetProperty("items")[0];
        Assert.Equal(("Partner", "AssignedToStore"), (customer.GetProperty("source").GetString(), customer.GetProperty("stage").GetString()));

        // The customer manager meets the customer: the partner's lead is Met, and the webhook says so, signed.
        var manager = await system.SignInAsync("sh01.cm", "Store#2026");
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/customers/{customer.GetProperty("id").GetGuid()}/visits", new { channel = "WalkIn" })).StatusCode);
        await Eventually.Holds(async () => (await client.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}")).GetProperty("status").GetString() == "Met", Patience, "the lead to be met");
        var webhook = await Eventually.Returns(() => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Body.Contains("\"Met\""))), Patience, "the Met webhook");
        Assert.True(SignedByTheChain(secret, webhook));
        Assert.Contains(externalId, webhook.Body);

        // The chain's reconciliation counts it for SH01 as supplied, registered and met.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var reconciliation = await Eventually.Returns(async () =>
        {
            var report = await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/reports/reconciliation?storeId={sh01}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
            return report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("supplier").GetString() == partner.GetProperty("name").GetString())
                .Select(r => (JsonElement?)r).FirstOrDefault() is { } row && row.GetProperty("met").GetInt32() == 1 ? row.GetRawText() : null;
        }, Patience, "the lead in the reconciliation");
        Assert.Contains("\"supplied\":1", reconciliation);
        Assert.Contains("\"registered\":1", reconciliation);

        // A key on a staff route is refused; a revoked key stops working within a minute.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/customers")).StatusCode);
        var keyId = (await system.Gateway.GetFromJsonAsync<JsonElement>($"/api/partners/{partnerId}/keys"))[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await system.Gateway.DeleteAsync($"/api/partners/{partnerId}/keys/{keyId}")).StatusCode);
        await Eventually.Holds(async () => (await client.GetAsync($"/api/leads/{leadId}")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(70), "the revoked key to be refused");
    }
}
