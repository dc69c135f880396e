namespace Crm.Customers.Apis;

/// <summary>
/// A change of one customer in a transaction that holds the customer's row, so that two changes at the
/// same moment (two milestones, two edits) are applied one after the other against the latest state.
/// </summary>
internal static class CustomerTransaction
{
    public static Task<T?> RunAsync<T>(CustomerDbContext db, Guid id, CancellationToken cancellationToken, Func<Customer, Task<T>> change) where T : class =>
        db.InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {id} FOR UPDATE""", cancellationToken);
            var customer = await db.Customers.Include(c => c.Milestones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            return customer is null ? null : await change(customer);
        }, cancellationToken);
}
