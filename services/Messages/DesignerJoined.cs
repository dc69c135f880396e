namespace Crm.Messages;

/// <summary>
/// A designer joined a store's roster; the roster number counts the store's designers from 1.
/// Published by dispatch. No service consumes it yet: it is for the gateway's and the follow-up service's
/// copies of staff and designers (the contract and follow-up issues) and for reports.
/// </summary>
public sealed record DesignerJoined : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string Name { get; init; }
    public required DesignerLevel Level { get; init; }
    public required int RosterNumber { get; init; }
}
