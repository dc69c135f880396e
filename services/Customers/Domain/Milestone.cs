namespace Crm.Customers.Domain;

/// <summary>One recorded milestone with its figures: when it happened, who recorded it and when.</summary>
public sealed class Milestone
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public MilestoneType Type { get; private set; }
    public DateTimeOffset At { get; private set; }
    public decimal? Amount { get; private set; }
    public DepositKind? DepositKind { get; private set; }
    public decimal? AreaM2 { get; private set; }
    public string? Reason { get; private set; }
    public string? Competitor { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";

    internal static Milestone Record(Customer customer, MilestoneDraft draft, string by, string byName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        Type = draft.Type,
        At = draft.At,
        Amount = draft.Amount,
        DepositKind = draft.DepositKind,
        AreaM2 = draft.AreaM2,
        Reason = draft.Reason,
        Competitor = draft.Competitor,
        RecordedAt = now,
        RecordedBy = by,
        RecordedByName = byName,
    };
}
