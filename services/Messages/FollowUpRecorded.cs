namespace Crm.Messages;

/// <summary>
/// A follow-up of a customer was recorded (phone call, home visit, site visit...), with every field of its record.
/// Published by the follow-up service. Consumed by the customer service (the timeline).
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
}
