namespace Crm.Customers.Domain;

/// <summary>A customer of one store, registered once per phone number across the chain.</summary>
public sealed class Customer
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public int Sequence { get; private set; }
    public int ArchiveBag { get; private set; }
    public CustomerSource Source { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public CustomerStage Stage { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DesignerAssignment? Designer { get; private set; }

    public static Customer Register(Store store, int sequence, CustomerSource source, string name, string normalizedPhone, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = store.Id,
        CustomerNo = CustomerNumber.Format(store.Code, store.LocalDate(now).Year, sequence),
        Sequence = sequence,
        ArchiveBag = CustomerNumber.ArchiveBag(sequence),
        Source = source,
        Name = name,
        Phone = normalizedPhone,
        Stage = CustomerStage.Registered,
        RegisteredAt = now,
    };

    /// <summary>Records the designer the dispatch service offered the customer to; a later dispatch replaces it.</summary>
    public void RecordDispatch(Guid assignmentId, Guid designerId, string designerName, DateTimeOffset at)
    {
        if (Designer is not null && Designer.DispatchedAt > at) return;
        Designer = new DesignerAssignment(assignmentId, designerId, designerName, at);
    }
}

/// <summary>The customer's current designer, as the dispatch service announced it.</summary>
public sealed record DesignerAssignment(Guid AssignmentId, Guid DesignerId, string DesignerName, DateTimeOffset DispatchedAt);
