namespace Crm.Messages;

/// <summary>
/// The customer service found a lead's phone already belongs to a customer, so the lead was not registered.
/// Carries nothing of that customer: the partner learns only that its lead is a duplicate.
/// </summary>
public sealed record LeadDuplicateFound : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid LeadId { get; init; }
    public required DateTimeOffset FoundAt { get; init; }
}
