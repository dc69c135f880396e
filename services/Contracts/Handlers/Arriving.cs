namespace Crm.Contracts.Handlers;

/// <summary>
/// Stores the contract service learns of by events, looked up so that one opened a moment ago is waited for
/// (<see cref="Arrivals"/>); a store of another store's user is missing at once, as if it did not exist.
/// </summary>
internal static class Arriving
{
    public static async Task<Outcome<StoreCopy>> StoreAsync(this ContractDbContext db, Arrivals arrivals, Guid storeId, Violation missing, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(storeId, "store", ct => db.Stores.IgnoreQueryFilters().AnyAsync(s => s.Id == storeId, ct), cancellationToken) is { } arriving)
            return arriving;
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        return store is null ? missing : store;
    }
}
