namespace Crm.Messages;

/// <summary>
/// The store met a customer that came as a lead for the first time (a visit, a call, or a milestone that needs
/// a meeting): the lead is no longer AssignedToStore. Published by the customer service.
/// </summary>
public sealed record CustomerMet : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required DateTimeOffset MetAt { get; init; }
}
