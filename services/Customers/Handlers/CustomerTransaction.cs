namespace Crm.Customers.Handlers;

/// <summary>
/// A change of one customer in a transaction that holds the customer's row, so that two changes at the
/// same moment (two milestones, two edits) are applied one after the other against the latest state.
/// A refused outcome rolls the transaction back.
/// </summary>
internal static class CustomerTransaction
{
    public static Task<Outcome<T>> ForCustomerAsync<T>(this CustomerDbContext db, Guid id, Func<Customer, Task<Outcome<T>>> change, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {id} FOR UPDATE""", cancellationToken);
            var customer = await db.Customers.Include(c => c.Milestones).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            return customer is null ? Violation.NotFound("customer") : await change(customer);
        }, outcome => outcome.Succeeded, cancellationToken);
}
