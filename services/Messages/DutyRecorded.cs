namespace Crm.Messages;

/// <summary>
/// A designer's attendance on a store-local day was recorded or changed (考勤). Published by dispatch; consumed by
/// reports (the morning meeting's attendance). A designer with no record for a day counts as on duty.
/// </summary>
public sealed record DutyRecorded : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required DateOnly Day { get; init; }
    public required bool OnDuty { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
