using System.Text.Json;

namespace Crm.Partners.Handlers;

/// <summary>
/// Moves a lead to a status: records the change and, when its partner has a webhook address, queues a signed
/// delivery, all in the caller's transaction (so a status change and its webhook are kept or lost together).
/// </summary>
public sealed class LeadStatusUpdates(PartnerDbContext db)
{
    public async Task MoveAsync(Lead lead, LeadStatus status, string cause, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var previous = lead.Status;
        if (lead.MoveTo(status, cause, at) is not { } change) return;
        db.LeadStatusChanges.Add(change);
        await QueueWebhookAsync(lead, previous, at, cancellationToken);
    }

    private async Task QueueWebhookAsync(Lead lead, LeadStatus previous, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (lead.PartnerId is not { } partnerId) return;
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is not { WebhookUrl: not null, Enabled: true }) return;
        var id = Guid.CreateVersion7();
        var body = JsonSerializer.Serialize(LeadStatusWebhook.From(id, lead, previous, at), WebhookJson.Options);
        db.Deliveries.Add(WebhookDelivery.For(id, partnerId, lead.Id, body, at));
    }
}

/// <summary>The body of a lead status webhook (api.md, "Webhooks").</summary>
public sealed record LeadStatusWebhook(
    string Event, Guid DeliveryId, Guid LeadId, string ExternalId, Guid StoreId, LeadStatus Status, LeadStatus PreviousStatus, string? CustomerNo, DateTimeOffset OccurredAt)
{
    public static LeadStatusWebhook From(Guid deliveryId, Lead lead, LeadStatus previous, DateTimeOffset at) =>
        new(WebhookDelivery.LeadStatusChanged, deliveryId, lead.Id, lead.ExternalId, lead.StoreId, lead.Status, previous, lead.CustomerNo, at);
}

/// <summary>Webhook bodies are written the way the API writes: camelCase, enums by name.</summary>
public static class WebhookJson
{
    public static readonly JsonSerializerOptions Options = ApiConventions.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
