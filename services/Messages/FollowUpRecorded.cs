namespace Crm.Messages;

/// <summary>
/// A follow-up of a customer was recorded (phone call, home visit, site visit...).
/// Consumed by the customer service (the timeline). Published by the follow-up service once it records
/// follow-ups (the follow-up issue).
/// </summary>
public sealed record FollowUpRecorded : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid FollowUpId { get; init; }
    public required FollowUpForm Form { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Summary { get; init; }
    public string? Intent { get; init; }
    public required string RecordedBy { get; init; }
}
