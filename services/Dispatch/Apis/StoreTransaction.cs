namespace Crm.Dispatch.Apis;

/// <summary>
/// A change made under the store's lock, in one transaction: dispatches, refusals and roster changes of a
/// store happen one at a time, in every instance of the service. The change answers the request itself;
/// an answer that refuses (a problem) rolls the transaction back, so nothing the change had made is kept.
/// </summary>
internal static class StoreTransaction
{
    public static Task<TResult> RunAsync<TResult>(
        DispatchDbContext db, Guid storeId, TResult storeNotFound, CancellationToken cancellationToken, Func<DispatchStore, Task<TResult>> change)
        where TResult : IResult =>
        db.InTransactionAsync(
            async () => await db.LockStoreAsync(storeId, cancellationToken) is { } store ? await change(store) : storeNotFound,
            result => Problems.Succeeded(result),
            cancellationToken);
}
