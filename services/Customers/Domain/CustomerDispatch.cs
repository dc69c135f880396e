namespace Crm.Customers.Domain;

/// <summary>A dispatch of the customer to a designer, as the dispatch service announced it: the handed-over register lists them by day.</summary>
public sealed class CustomerDispatch
{
    public Guid AssignmentId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DesignerId { get; private set; }
    public string DesignerName { get; private set; } = "";
    public DateTimeOffset DispatchedAt { get; private set; }
    public DateOnly DispatchedOn { get; private set; }
    /// <summary>Why dispatch chose the designer, in its words.</summary>
    public string Decision { get; private set; } = "";

    public static CustomerDispatch Record(Customer customer, Store store, Guid assignmentId, Guid designerId, string designerName, DateTimeOffset at, string decision) => new()
    {
        Decision = decision,
        AssignmentId = assignmentId,
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        DesignerId = designerId,
        DesignerName = designerName,
        DispatchedAt = at,
        DispatchedOn = store.LocalDate(at),
    };
}
