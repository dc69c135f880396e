namespace Crm.Messages;

/// <summary>A milestone of a customer's dynamic information was recorded, with its figures and the stage that follows.</summary>
public sealed record MilestoneRecorded : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid MilestoneId { get; init; }
    public required MilestoneType Type { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>The customer's stage after this milestone.</summary>
    public required CustomerStage Stage { get; init; }
    public decimal? Amount { get; init; }
    /// <summary>For a deposit.</summary>
    public DepositKind? DepositKind { get; init; }
    public decimal? AreaM2 { get; init; }
    public string? Reason { get; init; }
    public string? Competitor { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary>When it was recorded (not when it happened): orders one customer's milestones, whose stages follow each other.</summary>
    public DateTimeOffset? RecordedAt { get; init; }
}
