namespace Crm.Data;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs the work in one transaction, saves what it tracked and commits. On a transient fault the
    /// execution strategy runs it again whole, from an empty change tracker.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken) =>
        db.InTransactionAsync(work, _ => true, cancellationToken);

    /// <summary>
    /// As above, but a command whose outcome says it was refused rolls its transaction back: nothing it
    /// had changed is saved, and the locks it took are released.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, Func<T, bool> commit, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (!commit(result))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
