namespace Crm.Dispatch.Handlers;

/// <summary>
/// A change made under the store's lock, in one transaction: dispatches, refusals and roster changes of a
/// store happen one at a time, in every instance of the service. A refused outcome rolls the transaction
/// back, so nothing the change had made is kept.
/// </summary>
internal static class StoreTransaction
{
    public static Task<Outcome<T>> InStoreAsync<T>(
        this DispatchDbContext db, Guid storeId, Violation storeMissing, Func<DispatchStore, Task<Outcome<T>>> change, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async () => await db.LockStoreAsync(storeId, cancellationToken) is { } store ? await change(store) : storeMissing,
            outcome => outcome.Succeeded,
            cancellationToken);
}
