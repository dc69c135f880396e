namespace Crm.Messages;

/// <summary>A designer joined a store's roster; the roster number counts the store's designers from 1.</summary>
public sealed record DesignerJoined
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string Name { get; init; }
    /// <summary>Assistant, Designer, Senior or Chief.</summary>
    public required string Level { get; init; }
    public required int RosterNumber { get; init; }
}
