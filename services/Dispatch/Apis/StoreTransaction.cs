namespace Crm.Dispatch.Apis;

/// <summary>
/// A change made under the store's lock, in one transaction: dispatches, refusals and roster changes of a
/// store happen one at a time, in every instance of the service. The change answers the request itself;
/// one that refuses calls <see cref="Refuse{T}"/>, which drops whatever it had changed.
/// </summary>
internal static class StoreTransaction
{
    public static Task<TResult> RunAsync<TResult>(
        DispatchDbContext db, Guid storeId, TResult storeNotFound, CancellationToken cancellationToken, Func<DispatchStore, Task<TResult>> change) =>
        db.InTransactionAsync(async () =>
            await db.LockStoreAsync(storeId, cancellationToken) is { } store ? await change(store) : storeNotFound, cancellationToken);

    /// <summary>Answers with a refusal; nothing the change had made is saved.</summary>
    public static T Refuse<T>(this DispatchDbContext db, T refusal)
    {
        db.ChangeTracker.Clear();
        return refusal;
    }
}
