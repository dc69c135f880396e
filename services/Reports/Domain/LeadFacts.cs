namespace Crm.Reports.Domain;

/// <summary>A lead supplied to a store by marketing or a partner (供单), on the store-local day it arrived: what reconciliation (对单) counts.</summary>
public sealed class LeadFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public CustomerSource Source { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    /// <summary>Found a duplicate when it arrived (its phone already known).</summary>
    public bool Duplicate { get; private set; }

    public static LeadFact From(LeadReceived received, DateOnly receivedOn) => new()
    {
        Id = received.LeadId, StoreId = received.StoreId, Source = received.Source, PartnerId = received.PartnerId, SupplierName = received.SupplierName,
        ExternalId = received.ExternalId, Name = received.Name, ReceivedAt = received.ReceivedAt.ToUniversalTime(), ReceivedOn = receivedOn, Duplicate = received.Duplicate,
    };
}

/// <summary>A lead the customer service found to be a duplicate (its phone a customer's already). Kept apart, so the order of arrival does not matter.</summary>
public sealed class DuplicateLeadFact
{
    public Guid LeadId { get; private set; }
    public Guid StoreId { get; private set; }
    public DateTimeOffset FoundAt { get; private set; }

    public static DuplicateLeadFact From(LeadDuplicateFound found) => new() { LeadId = found.LeadId, StoreId = found.StoreId, FoundAt = found.FoundAt.ToUniversalTime() };
}
