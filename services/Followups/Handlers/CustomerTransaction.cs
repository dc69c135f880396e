namespace Crm.Followups.Handlers;

/// <summary>
/// A change about one followed customer, in a transaction that holds the customer's row, so that two changes at the
/// same moment apply one after the other. A customer registered a moment ago may not have reached follow-ups yet:
/// that is answered as not yet arrived. A refused outcome rolls the transaction back.
/// </summary>
internal static class CustomerTransaction
{
    public static async Task<Outcome<T>> ForCustomerAsync<T>(
        this FollowupDbContext db, Arrivals arrivals, Guid customerId, Violation missing, Func<FollowedCustomer, Task<Outcome<T>>> change, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(customerId, "customer", ct => db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Id == customerId, ct), cancellationToken) is { } arriving)
            return arriving;
        return await db.InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {customerId} FOR UPDATE""", cancellationToken);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            return customer is null ? missing : await change(customer);
        }, outcome => outcome.Succeeded, cancellationToken);
    }
}
