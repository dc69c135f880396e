namespace Crm.Reports.Reports;

/// <summary>The stores a report covers: the one named, else the caller's own; ChainAdmin's whole chain when none is named.</summary>
public static class ReportStores
{
    /// <summary>The stores a report covers, on one database shard.</summary>
    public sealed record OnShard(string Shard, List<StoreCopy> Stores);

    /// <returns>
    /// The store asked for (none for the chain), the stores to count, and the same stores shard by shard: a report of the
    /// chain is counted on each shard and put together. A store the caller may not see is not found.
    /// </returns>
    public static async Task<Outcome<(Guid? Store, List<StoreCopy> Stores, List<OnShard> ByShard)>> ResolveAsync(
        ReportDbContext db, ShardRoute route, StoreScope scope, Guid? storeId, CancellationToken cancellationToken, bool ignoreScope = false)
    {
        var store = ignoreScope ? storeId : scope.StoreOr(storeId);
        var byShard = new List<OnShard>();
        foreach (var shard in store is null && !route.Shards.Single ? route.Shards.Names : [route.Shard])
        {
            route.Use(db, shard);
            var stores = ignoreScope ? db.Stores.IgnoreQueryFilters() : db.Stores;
            byShard.Add(new OnShard(shard, await stores.AsNoTracking().Where(s => store == null || s.Id == store).ToListAsync(cancellationToken)));
        }
        var all = byShard.SelectMany(s => s.Stores).ToList();
        if (store is not null && all.Count == 0) return Violation.NotFound("store");
        return (store, all, byShard);
    }
}
