namespace Crm.Customers.Handlers;

/// <summary>
/// Registers a customer in a store: a known phone anywhere in the chain is a conflict. Number, customer, first
/// visit and event are stored in one transaction, so a number is taken only if its customer is stored.
/// </summary>
public sealed class RegisterCustomer(CustomerDbContext db, DuplicatePhone duplicates, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Customer>> HandleAsync(Guid storeId, CustomerRegistration registration, CancellationToken cancellationToken)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null) return Violation.Invalid("storeId", "No store with that id.");

        // The id is the claim's on the number, taken before the customer is stored.
        var id = Guid.CreateVersion7();
        return await duplicates.GuardAsync(registration.Phone, store.Id, id, () => db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var sequence = await CustomerNumberCounter.NextAsync(db, store.Id, store.LocalDate(now).Year, cancellationToken);
            var customer = Customer.Register(store, sequence, registration, scope.Actor, scope.ActorName, now, id);
            db.Customers.Add(customer);
            if (registration.Source.Channel() is { } channel)
                db.Visits.Add(CustomerVisit.Record(customer, store, channel, now, returning: false, null, scope.Actor, scope.ActorName));
            db.Publish(CustomerEvents.Registered(customer), clock);
            return (Outcome<Customer>)customer;
        }, cancellationToken), cancellationToken);
    }
}
