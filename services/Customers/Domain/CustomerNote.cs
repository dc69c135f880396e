namespace Crm.Customers.Domain;

/// <summary>
/// Something another service told about the customer (a follow-up, a contract event, an assignment
/// accepted or refused), kept so that the timeline tells the whole story without calling anyone.
/// </summary>
public sealed class CustomerNote
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string Summary { get; private set; } = "";
    public string? By { get; private set; }

    public static CustomerNote Record(Customer customer, string kind, DateTimeOffset at, string summary, string? by) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        Kind = kind,
        At = at,
        Summary = summary,
        By = by,
    };
}
