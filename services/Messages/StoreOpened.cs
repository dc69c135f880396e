namespace Crm.Messages;

/// <summary>A store joined the chain; every service keeps its own copy of the store.</summary>
public sealed record StoreOpened : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string City { get; init; }
    /// <summary>IANA time zone: the store's "day" counts in it.</summary>
    public required string TimeZone { get; init; }
    public required DateTimeOffset OpenedAt { get; init; }
    /// <summary>The database shard the chain placed the store's rows on; none (announced before shards) is "home".</summary>
    public string? Shard { get; init; }
}
