namespace Crm.Messages;

/// <summary>
/// A lead from marketing or an integration partner was received for a store. Published by the partner service;
/// the customer service registers it as a customer (AssignedToStore until met) unless it is a duplicate, and the
/// reports count it as supplied (对单). The details were checked by the rules of a registration.
/// </summary>
public sealed record LeadReceived : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid LeadId { get; init; }
    /// <summary>Marketing or Partner.</summary>
    public required CustomerSource Source { get; init; }
    /// <summary>The partner that sent it; none for marketing's leads.</summary>
    public Guid? PartnerId { get; init; }
    /// <summary>Who supplied it, as the reports name it: the partner's name, or marketing.</summary>
    public required string SupplierName { get; init; }
    public required string ExternalId { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The phone was already known when the lead arrived: no customer is registered for it.</summary>
    public bool Duplicate { get; init; }
    public required string Name { get; init; }
    /// <summary>Normalised (E.164).</summary>
    public required string Phone { get; init; }
    public string? OtherContact { get; init; }
    public string? Address { get; init; }
    public Family? Family { get; init; }
    public IncomeBand? IncomeBand { get; init; }
    public Preferences? Preferences { get; init; }
    public House? House { get; init; }
    public string? SpecialRequest { get; init; }
}
