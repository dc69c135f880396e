namespace Crm.Dispatch.Apis;

/// <summary>
/// A change made under the store's lock, in one transaction: dispatches, refusals and roster changes of a
/// store happen one at a time, in every instance of the service. Null when the store is not the caller's.
/// </summary>
internal static class StoreTransaction
{
    public static Task<T?> RunAsync<T>(DispatchDbContext db, Guid storeId, CancellationToken cancellationToken, Func<StoreCopy, Task<T>> change) where T : class =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var store = await db.LockStoreAsync(storeId, cancellationToken);
            if (store is null) return null;
            var result = await change(store);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
