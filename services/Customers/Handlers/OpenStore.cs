namespace Crm.Customers.Handlers;

/// <summary>
/// Opens a store of the chain under a code no other store has, on a database shard (the one asked for, else the one
/// "Database:PlaceNewStoresOn" names, else the one holding the fewest stores); every service hears of it.
/// </summary>
public sealed class OpenStore(CustomerDbContext db, ShardRoute route, StorePlacements placements, IConfiguration configuration, TimeProvider clock)
{
    public const string PlacementSetting = "Database:PlaceNewStoresOn";

    public sealed record Command(string Code, string Name, string City, string? TimeZone, string? Shard);

    public async Task<Outcome<(Store Store, string Shard)>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var shard = command.Shard ?? configuration[PlacementSetting];
        if (shard is not null && !route.Shards.Has(shard))
            return Violation.Invalid("shard", $"No database shard '{shard}'; there are: {string.Join(", ", route.Shards.Names)}.");

        // Codes are unique across the chain, so across shards: one store opens at a time.
        await using var openings = await placements.LockAsync("open-store", cancellationToken);
        var taken = await db.OnEveryShardAsync(route, shardDb => shardDb.Stores.IgnoreQueryFilters().Where(s => s.Code == command.Code).Select(s => s.Id).ToListAsync(cancellationToken));
        if (taken.Count > 0) return Violation.Conflict("duplicate-store-code", $"A store with code {command.Code} exists.");

        if (shard is null)
        {
            // The fewest stores; of equals, the one named first.
            var counts = await placements.CountsAsync(cancellationToken);
            shard = route.Shards.Names.MinBy(name => counts[name])!;
        }
        var store = Store.Open(command.Code, command.Name, command.City, command.TimeZone, clock.GetUtcNow());
        await placements.PlaceAsync(store.Id, shard, store.OpenedAt, cancellationToken);
        route.Use(db, shard);
        db.Stores.Add(store);
        db.Publish(store.ToOpenedEvent(shard), clock);
        await db.SaveChangesAsync(cancellationToken);
        return (store, shard);
    }
}
