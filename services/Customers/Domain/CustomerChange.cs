namespace Crm.Customers.Domain;

/// <summary>One line of the change log (客户变更登记表): a basic field's value before and after, who, when and why.</summary>
public sealed class CustomerChange
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Field { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string Reason { get; private set; } = "";
    public string ChangedBy { get; private set; } = "";
    public string ChangedByName { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    internal static CustomerChange Record(Customer customer, string field, string? before, string? after, string reason, string by, string byName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        Field = field,
        Before = before,
        After = after,
        Reason = reason,
        ChangedBy = by,
        ChangedByName = byName,
        ChangedAt = now,
    };
}
