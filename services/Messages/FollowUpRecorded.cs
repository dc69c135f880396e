using System.Text.Json;

namespace Crm.Messages;

/// <summary>
/// A follow-up of a customer was recorded (phone call, home visit, site visit...), with every field of its record.
/// Published by the follow-up service. Consumed by the customer service: the timeline shows it, and the
/// changes of basic information it carries go to the change log with the record as their reason.
/// </summary>
public sealed record FollowUpRecorded : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid FollowUpId { get; init; }
    public required FollowUpForm Form { get; init; }
    public required DateTimeOffset At { get; init; }
    public string Purpose { get; init; } = "";
    public string Content { get; init; } = "";
    public required string Summary { get; init; }
    /// <summary>The customer's intent after the follow-up, in the recorder's words.</summary>
    public string? Intent { get; init; }
    /// <summary>When to follow up next, if the record set it.</summary>
    public DateTimeOffset? NextAt { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary>The staff account that recorded it (the change log names it as who changed the customer).</summary>
    public Guid? RecordedById { get; init; }
    /// <summary>
    /// Changes to the customer's basic information registered with the follow-up (变更登记): a JSON merge patch of
    /// the fields PATCH /api/customers/{id} takes, without a reason (the record is the reason).
    /// </summary>
    public JsonElement? BasicInfoChanges { get; init; }
}
