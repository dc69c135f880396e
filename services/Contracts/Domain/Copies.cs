namespace Crm.Contracts.Domain;

/// <summary>A designer of a store's roster, as dispatch announced them: forms are issued to designers.</summary>
public sealed class DesignerCopy
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; } = "";

    public static DesignerCopy From(DesignerJoined joined) => new() { Id = joined.DesignerId, StoreId = joined.StoreId, Name = joined.Name };

    public Person AsPerson() => new(Id, Name);
}

/// <summary>A customer of a store, as the customer service announced them: forms are issued for customers.</summary>
public sealed class CustomerCopy
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";

    public static CustomerCopy From(CustomerRegistered registered) => new() { Id = registered.CustomerId, StoreId = registered.StoreId, CustomerNo = registered.CustomerNo };
}

/// <summary>A contract signing of a store's customer, as the customer service recorded it: the requisition counts them by month.</summary>
public sealed class Signing
{
    public Guid MilestoneId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateTimeOffset SignedAt { get; private set; }

    public static Signing From(MilestoneRecorded recorded) =>
        new() { MilestoneId = recorded.MilestoneId, StoreId = recorded.StoreId, CustomerId = recorded.CustomerId, SignedAt = recorded.At };
}

/// <summary>A staff member as the custody ledger names them.</summary>
public static class StaffPeople
{
    public static Person AsPerson(this StaffCopy staff) => new(staff.Id, staff.DisplayName);
}
