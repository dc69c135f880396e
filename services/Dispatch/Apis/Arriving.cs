namespace Crm.Dispatch.Apis;

/// <summary>
/// Customers and stores that dispatch learns of by events, looked up so that one announced a moment ago is
/// waited for (<see cref="Arrivals"/>) instead of being answered "not found". A record of another store is
/// not found at once, as if it did not exist.
/// </summary>
internal static class Arriving
{
    public static async Task<(CustomerFile? File, ProblemHttpResult? Problem)> CustomerFileAsync(
        this DispatchDbContext db, Arrivals arrivals, Guid customerId, CancellationToken cancellationToken)
    {
        var arrival = await arrivals.AwaitAsync(customerId, ct => db.CustomerFiles.IgnoreQueryFilters().AnyAsync(f => f.CustomerId == customerId, ct), cancellationToken);
        if (arrival == Arrival.OnItsWay) return (null, Problems.Arriving("customer"));
        var file = await db.CustomerFiles.AsNoTracking().FirstOrDefaultAsync(f => f.CustomerId == customerId, cancellationToken);
        return file is null ? (null, Problems.NotFound("customer")) : (file, null);
    }

    /// <summary>Null when the caller may see the store; otherwise the problem to answer.</summary>
    public static async Task<ProblemHttpResult?> StoreProblemAsync(this DispatchDbContext db, Arrivals arrivals, Guid storeId, CancellationToken cancellationToken)
    {
        var arrival = await arrivals.AwaitAsync(storeId, ct => db.Stores.IgnoreQueryFilters().AnyAsync(s => s.Id == storeId, ct), cancellationToken);
        if (arrival == Arrival.OnItsWay) return Problems.Arriving("store");
        return await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken) ? null : Problems.NotFound("store");
    }
}
