namespace Crm.Messaging;

/// <summary>
/// Which database shard holds a store's rows, in the service's home database. Written when the store opens
/// (from StoreOpened) and by the operator's move command, which marks the store as moving while its rows are copied.
/// </summary>
public sealed class StorePlacement
{
    public Guid StoreId { get; init; }
    public string Shard { get; init; } = DatabaseShards.Home;
    /// <summary>The store's rows are being copied to another shard: its requests wait, its messages are retried.</summary>
    public bool Moving { get; init; }
    public DateTimeOffset ChangedAt { get; init; }

    public const int MaxShardLength = 40;
}

/// <summary>A store's rows are asked for while the store is being moved to another shard.</summary>
public sealed class StoreMovingException(Guid storeId)
    : Exception($"Store {storeId} is being moved to another database shard; try again in a moment.")
{
    public Guid StoreId { get; } = storeId;
}

/// <summary>A message names a store this service has not learnt the placement of yet (its StoreOpened is on its way).</summary>
public sealed class StoreNotPlacedException(Guid storeId)
    : Exception($"Store {storeId} has no database shard here yet: its opening has not arrived.")
{
    public Guid StoreId { get; } = storeId;
}
