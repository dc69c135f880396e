namespace Crm.Followups.Domain;

/// <summary>A follow-up due on a store-local date, with the reason it exists.</summary>
public sealed class FollowUpTask
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public FollowUpTaskKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The first follow-up: <see cref="StoreCopy.FirstFollowUpDays"/> store-local days after registration.</summary>
    public static FollowUpTask FirstFollowUp(StoreCopy store, CustomerRegistered registered, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = store.Id,
        CustomerId = registered.CustomerId,
        CustomerNo = registered.CustomerNo,
        Kind = FollowUpTaskKind.FirstFollowUp,
        DueOn = store.LocalDate(registered.RegisteredAt).AddDays(store.FirstFollowUpDays),
        Reason = $"First follow-up {store.FirstFollowUpDays} days after registration",
        CreatedAt = now,
    };
}
