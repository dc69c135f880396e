namespace Crm.Reports.Reports;

/// <summary>The stores a report covers: the one named, else the caller's own; ChainAdmin's whole chain when none is named.</summary>
public static class ReportStores
{
    /// <returns>The store asked for (none for the chain) and the stores to count; a store the caller may not see is not found.</returns>
    public static async Task<Outcome<(Guid? Store, List<StoreCopy> Stores)>> ResolveAsync(ReportDbContext db, StoreScope scope, Guid? storeId, CancellationToken cancellationToken)
    {
        var store = scope.StoreOr(storeId);
        var stores = await db.Stores.AsNoTracking().Where(s => store == null || s.Id == store).ToListAsync(cancellationToken);
        if (store is not null && stores.Count == 0) return Violation.NotFound("store");
        return (store, stores);
    }
}
