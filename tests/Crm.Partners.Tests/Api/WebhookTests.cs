using Microsoft.EntityFrameworkCore;

namespace Crm.Partners.Tests.Api;

/// <summary>
/// Status changes from the customer service's events reach the partner as signed webhooks, retried after failures,
/// each attempt logged; a receiver that hangs holds up neither lead intake nor another partner.
/// </summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private PartnerHost _host = null!;

    public async Task InitializeAsync() => _host = await PartnerHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Phone() => "137" + Random.Shared.Next(10_000_000, 99_999_999);

    private async Task<Guid> SendAsync(PartnerHost.TestPartner partner, Guid store, string externalId)
    {
        var answer = await partner.Client.PostAsJsonAsync("/api/leads", PartnerHost.Lead(externalId, store, Phone()));
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
    }

    private Task RegisterAsync(Guid store, Guid leadId, Guid customer, string customerNo) => _host.Bus.Publish(new CustomerRegistered
    {
        StoreId = store, CustomerId = customer, CustomerNo = customerNo, Source = CustomerSource.Partner, RegisteredAt = DateTimeOffset.UtcNow,
        Stage = CustomerStage.AssignedToStore, LeadId = leadId, Phone = "+86" + Phone(),
    });

    private Task MilestoneAsync(Guid store, Guid customer, MilestoneType type, CustomerStage stage) => _host.Bus.Publish(new MilestoneRecorded
    {
        StoreId = store, CustomerId = customer, MilestoneId = Guid.CreateVersion7(), Type = type, At = DateTimeOffset.UtcNow, Stage = stage,
        RecordedBy = "王芳", RecordedAt = DateTimeOffset.UtcNow,
    });

    [Fact]
    public async Task Each_status_change_is_a_signed_webhook_retried_after_500_with_every_attempt_logged()
    {
        // The first answer is 500, the rest 200: the Met webhook is delivered on its second attempt.
        await using var receiver = await WebhookReceiver.StartAsync(n => Task.FromResult(n == 1 ? 500 : 200));
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store], receiver.Url);
        var leadId = await SendAsync(partner, store, "W-1");
        var customer = Guid.CreateVersion7();

        await RegisterAsync(store, leadId, customer, "SH01-2026-000042");
        await _host.Bus.Publish(new CustomerMet { StoreId = store, CustomerId = customer, MetAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => receiver.Requests.Count >= 2, TimeSpan.FromSeconds(30), "the Met webhook to be retried");
        await MilestoneAsync(store, customer, MilestoneType.Measured, CustomerStage.Measured);
        await Eventually.Holds(() => receiver.Requests.Count >= 3, TimeSpan.FromSeconds(30), "the Measured webhook");

        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.True(WebhookSignature.Verify(partner.WebhookSecret!, r.Timestamp, r.Body, r.Signature, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5))));
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal((requests[0].DeliveryId, "1", "2"), (requests[1].DeliveryId, requests[0].Attempt, requests[1].Attempt));
        var met = JsonDocument.Parse(requests[1].Body).RootElement;
        Assert.Equal(("lead.status-changed", "Met", "AssignedToStore", "SH01-2026-000042", "W-1"),
            (met.GetProperty("event").GetString(), met.GetProperty("status").GetString(), met.GetProperty("previousStatus").GetString(),
             met.GetProperty("customerNo").GetString(), met.GetProperty("externalId").GetString()));
        Assert.Equal("Measured", JsonDocument.Parse(requests[2].Body).RootElement.GetProperty("status").GetString());

        var deliveries = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.Id}/deliveries");
        var metDelivery = deliveries.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("id").GetString() == requests[0].DeliveryId);
        Assert.Equal(("Delivered", 2), (metDelivery.GetProperty("state").GetString(), metDelivery.GetProperty("attempts").GetInt32()));
        var detail = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.Id}/deliveries/{requests[0].DeliveryId}");
        Assert.Equal([500, 200], detail.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));

        var view = await partner.Client.GetFromJsonAsync<JsonElement>($"/api/leads/{leadId}");
        Assert.Equal("Measured", view.GetProperty("status").GetString());
        Assert.Equal(["AssignedToStore", "Met", "Measured"], view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task A_receiver_that_hangs_delays_neither_lead_intake_nor_another_partner()
    {
        var release = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hanging = await WebhookReceiver.StartAsync(_ => release.Task);
        await using var healthy = await WebhookReceiver.StartAsync(_ => Task.FromResult(200));
        var store = await _host.StoreAsync();
        var slow = await _host.PartnerAsync([store], hanging.Url);
        var quick = await _host.PartnerAsync([store], healthy.Url);
        var slowLead = await SendAsync(slow, store, "H-1");
        await _host.Bus.Publish(new LeadDuplicateFound { StoreId = store, LeadId = slowLead, FoundAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => hanging.Requests.Count >= 1, TimeSpan.FromSeconds(30), "the hanging receiver to be called");

        // While that request hangs, the same partner's leads are taken in and the other partner is served.
        var more = await SendAsync(slow, store, "H-2");
        var quickLead = await SendAsync(quick, store, "Q-1");
        await _host.Bus.Publish(new LeadDuplicateFound { StoreId = store, LeadId = quickLead, FoundAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => healthy.Requests.Count >= 1, TimeSpan.FromSeconds(30), "the other partner's webhook");
        Assert.False(release.Task.IsCompleted);
        Assert.NotEqual(Guid.Empty, more);

        // The hanging attempt is cut off at the time-out and logged as such; once the partner answers, it is delivered.
        await Eventually.Holds(() => _host.InDatabase(db => db.DeliveryAttempts.AnyAsync(a => a.Error != null && a.Error.StartsWith("No answer within"))),
            TimeSpan.FromSeconds(30), "the time-out to be logged");
        release.SetResult(200);
        await Eventually.Holds(() => _host.InDatabase(db => db.Deliveries.AnyAsync(d => d.PartnerId == slow.Id && d.State == DeliveryState.Delivered)),
            TimeSpan.FromSeconds(30), "the slow partner's delivery once it answers");
    }

    [Fact]
    public async Task A_delivery_that_exhausted_its_retries_is_sent_again_when_the_administrator_replays_it()
    {
        var up = false;
        await using var receiver = await WebhookReceiver.StartAsync(_ => Task.FromResult(Volatile.Read(ref up) ? 200 : 503));
        var store = await _host.StoreAsync();
        var partner = await _host.PartnerAsync([store], receiver.Url);
        var leadId = await SendAsync(partner, store, "R-1");
        await _host.Bus.Publish(new LeadDuplicateFound { StoreId = store, LeadId = leadId, FoundAt = DateTimeOffset.UtcNow });

        // The test schedule has 3 attempts.
        var exhausted = await Eventually.Returns(async () =>
        {
            var page = await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.Id}/deliveries?state=Exhausted");
            return page.GetProperty("items").EnumerateArray().Select(d => (JsonElement?)d).FirstOrDefault() is { } d ? d.GetProperty("id").GetString() : null;
        }, TimeSpan.FromSeconds(30), "the delivery to exhaust its retries");
        Assert.Equal(3, receiver.Requests.Count);
        var health = await (await _host.Service.CreateClient().GetAsync("/health")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Degraded", health.GetProperty("checks").GetProperty("exhausted-webhooks").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Admin.PostAsync($"/api/partners/{partner.Id}/deliveries/{Guid.CreateVersion7()}/replay", null)).StatusCode);

        Volatile.Write(ref up, true);
        Assert.Equal(HttpStatusCode.OK, (await _host.Admin.PostAsync($"/api/partners/{partner.Id}/deliveries/{exhausted}/replay", null)).StatusCode);
        // Replaying again is refused: the delivery is pending or delivered, not exhausted.
        await ProblemAssert.ConflictAsync(await _host.Admin.PostAsync($"/api/partners/{partner.Id}/deliveries/{exhausted}/replay", null), "not-exhausted");
        await Eventually.Holds(async () =>
            (await _host.Admin.GetFromJsonAsync<JsonElement>($"/api/partners/{partner.Id}/deliveries/{exhausted}")).GetProperty("delivery").GetProperty("state").GetString() == "Delivered",
            TimeSpan.FromSeconds(30), "the replayed delivery to arrive");
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Equal(4, await _host.InDatabase(db => db.DeliveryAttempts.CountAsync(a => a.DeliveryId == Guid.Parse(exhausted))));
    }
}
