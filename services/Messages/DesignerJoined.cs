namespace Crm.Messages;

/// <summary>
/// A designer joined a store's roster; the roster number counts the store's designers from 1.
/// Published by dispatch. Consumed by the contract service (the designers forms are issued to); for the
/// follow-up service and reports (the morning meeting's attendance).
/// </summary>
public sealed record DesignerJoined : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string Name { get; init; }
    public required DesignerLevel Level { get; init; }
    public required int RosterNumber { get; init; }
}
