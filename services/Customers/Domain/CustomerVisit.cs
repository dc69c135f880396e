namespace Crm.Customers.Domain;

/// <summary>How the customer reached the store on a visit: in person or by phone.</summary>
public enum VisitChannel
{
    WalkIn,
    Phone,
}

/// <summary>
/// A visit or call of the customer. The first comes with a walk-in or phone registration; a returning
/// customer is a new visit of the same customer. The walk-in and phone registers list them by day.
/// </summary>
public sealed class CustomerVisit
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public VisitChannel Channel { get; private set; }
    public DateTimeOffset At { get; private set; }
    public DateOnly On { get; private set; }
    public bool Returning { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string RecordedByName { get; private set; } = "";

    public static CustomerVisit Record(Customer customer, Store store, VisitChannel channel, DateTimeOffset at, bool returning, string? note, string by, string byName) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        Channel = channel,
        At = at,
        On = store.LocalDate(at),
        Returning = returning,
        Note = note,
        RecordedBy = by,
        RecordedByName = byName,
    };
}
