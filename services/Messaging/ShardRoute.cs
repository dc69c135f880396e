using Crm.Access;

namespace Crm.Messaging;

/// <summary>
/// The shard the scope's database context works on. A request of a store's staff starts on their store's shard;
/// anything else starts at home, and is sent to a store's shard once it names the store: a message by its StoreId,
/// a chain-wide request by the store it asks about. The context must be between transactions when it moves.
/// </summary>
public sealed class ShardRoute
{
    private readonly StorePlacements _placements;

    public ShardRoute(StorePlacements placements, IServiceProvider services)
    {
        _placements = placements;
        var scope = services.GetService<StoreScope>();
        if (scope is { AllStores: false } && scope.StoreId != Guid.Empty && placements.Find(scope.StoreId) is { } placement)
        {
            Shard = placement.Shard;
            Moving = placement.Moving;
        }
    }

    public string Shard { get; private set; } = DatabaseShards.Home;

    /// <summary>The caller's own store is being moved to another shard: its requests must wait.</summary>
    public bool Moving { get; }

    public DatabaseShards Shards => _placements.Shards;

    public string ConnectionString => Shards.ConnectionString(Shard);

    /// <summary>Points the context at the shard; a no-op when it is there already.</summary>
    public void Use(DbContext db, string shard)
    {
        var connectionString = Shards.ConnectionString(shard);
        if (db.Database.GetConnectionString() != connectionString) db.Database.SetConnectionString(connectionString);
        Shard = shard;
    }

    /// <summary>Points the context at the store's shard; refuses a store not placed here yet, or being moved.</summary>
    public async Task UseStoreAsync(DbContext db, Guid storeId, CancellationToken cancellationToken) =>
        Use(db, await _placements.ShardForAsync(storeId, cancellationToken));
}
