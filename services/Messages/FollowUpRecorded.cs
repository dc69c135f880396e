namespace Crm.Messages;

/// <summary>A follow-up of a customer was recorded (phone call, home visit, site visit...).</summary>
public sealed record FollowUpRecorded
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid FollowUpId { get; init; }
    /// <summary>Phone, HomeVisit, SiteVisit, InStore or Online.</summary>
    public required string Form { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Summary { get; init; }
    public string? Intent { get; init; }
    public required string RecordedBy { get; init; }
}
