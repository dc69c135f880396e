namespace Crm.Dispatch.Domain;

/// <summary>
/// Attendance at a day's morning meeting. A designer with no record for the day counts as on duty:
/// stores record who is away, and a store that records nothing still dispatches.
/// </summary>
public sealed class DesignerDuty
{
    public Guid DesignerId { get; private set; }
    public DateOnly Day { get; private set; }
    public Guid StoreId { get; private set; }
    public bool OnDuty { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    public static DesignerDuty Record(Designer designer, DateOnly day, bool onDuty, string by, DateTimeOffset now) => new()
    {
        DesignerId = designer.Id,
        Day = day,
        StoreId = designer.StoreId,
        OnDuty = onDuty,
        RecordedBy = by,
        RecordedAt = now,
    };

    public void Change(bool onDuty, string by, DateTimeOffset now) => (OnDuty, RecordedBy, RecordedAt) = (onDuty, by, now);
}
