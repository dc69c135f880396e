namespace Crm.Dispatch.Handlers;

/// <summary>
/// Customers and stores that dispatch learns of by events, looked up so that one announced a moment ago is
/// waited for (<see cref="Arrivals"/>) instead of being answered "not found". A record of another store is
/// not found at once, as if it did not exist.
/// </summary>
public static class Arriving
{
    public static async Task<Outcome<CustomerFile>> CustomerFileAsync(
        this DispatchDbContext db, Arrivals arrivals, Guid customerId, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(customerId, "customer", ct => db.CustomerFiles.IgnoreQueryFilters().AnyAsync(f => f.CustomerId == customerId, ct), cancellationToken) is { } arriving)
            return arriving;
        var file = await db.CustomerFiles.AsNoTracking().FirstOrDefaultAsync(f => f.CustomerId == customerId, cancellationToken);
        return file is null ? Violation.NotFound("customer") : file;
    }

    /// <summary>Null when the caller may see the store; otherwise why not: on its way, or not found.</summary>
    public static async Task<Violation?> StoreMissingAsync(this DispatchDbContext db, Arrivals arrivals, Guid storeId, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(storeId, "store", ct => db.Stores.IgnoreQueryFilters().AnyAsync(s => s.Id == storeId, ct), cancellationToken) is { } arriving)
            return arriving;
        return await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken) ? null : Violation.NotFound("store");
    }
}
