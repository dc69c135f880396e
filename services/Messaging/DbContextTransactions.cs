namespace Crm.Messaging;

public static class DbContextTransactions
{
    /// <summary>
    /// Runs the work in one transaction, saves what it tracked and commits. On a transient fault the
    /// execution strategy runs it again whole, from an empty change tracker.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
}
