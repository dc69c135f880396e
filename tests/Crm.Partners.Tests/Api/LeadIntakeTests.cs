using Microsoft.EntityFrameworkCore;

namespace Crm.Partners.Tests.Api;

/// <summary>Lead intake through the real database and broker: idempotent, routed, checked, duplicates told nothing, partners apart.</summary>
public sealed class LeadIntakeTests : IAsyncLifetime
{
    private PartnerHost _host = null!;

    public async Task InitializeAsync() => _host = await PartnerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Phone() => "139" + Random.Shared.Next(10_000_000, 99_999_999);

    [Fact]
    public async Task Days_out_of_any_calendar_a_store_uses_are_a_400_naming_the_parameter()
    {
        var response = await _host.Admin.GetAsync("/api/leads?receivedFrom=0001-01-01&receivedTo=9999-12-31");

        await ProblemAssert.NamesFieldAsync(response, "receivedFrom");
        Assert.Contains("receivedTo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_external_id_twice_is_one_lead_announced_once()
    {
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store]);
        var phone = Phone();

        var first = await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("AJK-1", store, phone));
        var again = await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("AJK-1", store, Phone()));

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("leadId").GetGuid(), b.GetProperty("leadId").GetGuid());
        Assert.Equal("AssignedToStore", a.GetProperty("status").GetString());
        Assert.Equal(1, await _host.InDatabase(db => db.Leads.CountAsync(l => l.PartnerId == partner.Id)));
        var leadId = a.GetProperty("leadId").GetGuid().ToString();
        var announced = await _host.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType.Contains(nameof(LeadReceived))).Select(m => m.Body).ToListAsync());
        var received = Assert.Single(announced, body => body.Contains(leadId));
        Assert.Contains($"\"phone\":\"+86{phone}\"", received.Replace(" ", ""));
    }

    [Fact]
    public async Task A_partner_never_sees_another_partners_lead()
    {
        var store = await _host.StoreAsync();
        var a = await _host.PartnerAsync([store]);
        var b = await _host.PartnerAsync([store]);
        var sent = await (await b.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("B-1", store, Phone()))).Content.ReadFromJsonAsync<JsonElement>();
        var leadId = sent.GetProperty("leadId").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await a.Client.GetAsync($"/api/leads/{leadId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.Client.GetAsync($"/api/leads/{leadId}")).StatusCode);
        Assert.Equal(0, (await a.Client.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await b.Client.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_known_phone_is_a_duplicate_and_reveals_nothing_of_the_customer_or_the_other_lead()
    {
        var store = await _host.StoreAsync();
        var a = await _host.PartnerAsync([store]);
        var b = await _host.PartnerAsync([store]);
        var customerPhone = Phone();
        var customer = Guid.CreateVersion7();
        await _host.Bus.Publish(new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = "SH09-2026-000777", Source = CustomerSource.WalkIn, RegisteredAt = DateTimeOffset.UtcNow,
            Phone = "+86" + customerPhone, RegisteredByName = "王芳",
        });
        await Eventually.Holds(() => _host.InDatabase(db => db.KnownPhones.AnyAsync(p => p.CustomerId == customer)), TimeSpan.FromSeconds(30), "the phone to be known");
        var leadPhone = Phone();
        await a.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("A-1", store, leadPhone));

        var ofCustomer = await b.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("B-1", store, customerPhone));
        var ofLead = await b.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("B-2", store, leadPhone));

        foreach (var answer in new[] { ofCustomer, ofLead })
        {
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Duplicate", body.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("customerNo").ValueKind);
            var text = body.GetRawText();
            Assert.DoesNotContain("SH09-2026-000777", text);
            Assert.DoesNotContain(customer.ToString(), text);
            Assert.DoesNotContain("A-1", text);
            var view = await b.Client.GetFromJsonAsync<JsonElement>($"/api/leads/{body.GetProperty("leadId").GetGuid()}");
            Assert.DoesNotContain("SH09-2026-000777", view.GetRawText());
            Assert.DoesNotContain("A-1", view.GetRawText());
        }
    }

    [Fact]
    public async Task A_lead_is_checked_like_a_registration_and_a_refused_one_changes_nothing()
    {
        var store = await _host.StoreAsync();
        var other = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store]);

        await ProblemAssert.NamesFieldAsync(await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("X-1", store, "12345")), "phone");
        await ProblemAssert.NamesFieldAsync(await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("", store, Phone())), "externalId");
        await ProblemAssert.NamesFieldAsync(await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("X-2", other, Phone())), "storeId");
        await ProblemAssert.NamesFieldAsync(await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("X-3", null, Phone(), city: "广州")), "city");
        await ProblemAssert.NamesFieldAsync(await partner.Client.PostAsJsonAsync("/api/leads",
            new { externalId = "X-4", storeId = store, name = "周女士", phone = Phone(), house = new { areaM2 = -5 } }), "house.areaM2");
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.Client.PostAsJsonAsync("/api/leads",
            new { externalId = "X-5", storeId = store, name = "周女士", phone = Phone(), vipLevel = 3 })).StatusCode);

        Assert.Equal(0, await _host.InDatabase(db => db.Leads.CountAsync()));
        Assert.Equal(0, await _host.InDatabase(db => db.OutboxMessages.CountAsync(m => m.MessageType.Contains(nameof(LeadReceived)))));
    }

    [Fact]
    public async Task A_lead_by_city_goes_to_the_partners_store_there_with_the_fewest_recent_leads()
    {
        var first = await _host.StoreAsync("杭州", "HZ01");
        var second = await _host.StoreAsync("杭州", "HZ02");
        var elsewhere = await _host.StoreAsync("杭州", "HZ00");
        var partner = await _host.PartnerAsync([first, second]);

        var stores = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var answer = await (await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead($"C-{i}", null, Phone(), city: "杭州"))).Content.ReadFromJsonAsync<JsonElement>();
            stores.Add(answer.GetProperty("storeId").GetGuid());
        }

        Assert.Equal([first, second, first], stores);
        Assert.DoesNotContain(elsewhere, stores);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_even_with_a_token_the_gateway_gave_before()
    {
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store]);
        Assert.Equal(HttpStatusCode.OK, (await _host.Admin.DeleteAsync($"/api/partners/{partner.Id}/keys/{partner.KeyId}")).StatusCode);

        var refused = await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("K-1", store, Phone()));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Client.GetAsync("/api/leads")).StatusCode);
        Assert.Equal(0, await _host.InDatabase(db => db.Leads.CountAsync()));
    }

    [Fact]
    public async Task Staff_do_not_send_leads_and_a_key_without_the_scope_is_refused()
    {
        var store = await _host.StoreAsync();
        var readOnly = await _host.PartnerAsync([store], scopes: [PartnerScopes.ReadLeads]);

        Assert.Equal(HttpStatusCode.Forbidden, (await _host.Service.ClientAs(StaffRoles.CustomerManager, store).PostAsJsonAsync("/api/leads", PartnerHost.Lead("S-1", store, Phone()))).StatusCode);
        var refused = await readOnly.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead("S-2", store, Phone()));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("scope-missing", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await _host.InDatabase(db => db.Leads.CountAsync()));
    }
}
