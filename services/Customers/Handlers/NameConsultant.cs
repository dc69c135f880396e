namespace Crm.Customers.Handlers;

/// <summary>Names a customer's home consultant (or clears it), logged in the change log and announced.</summary>
public sealed class NameConsultant(CustomerDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Customer>> HandleAsync(Guid customerId, Guid? consultantId, string reason, CancellationToken cancellationToken)
    {
        // A staff account opened a moment ago may not have reached the customer service yet.
        if (consultantId is { } id && await arrivals.NotYetArrivedAsync(id, "staff account", ct => db.Staff.AnyAsync(s => s.Id == id, ct), cancellationToken) is { } arriving)
            return arriving;
        return await db.ForCustomerAsync<Customer>(customerId, async customer =>
        {
            var consultant = consultantId is null ? null : await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == consultantId, cancellationToken);
            if (consultantId is not null && consultant is null) return Violation.Invalid("consultantId", "No staff member with that id.");
            var now = clock.GetUtcNow();
            var named = customer.NameConsultant(consultant, reason, scope.Actor, scope.ActorName, now);
            if (!named.Succeeded) return named.Violation!;
            if (named.Value is { } change)
            {
                db.Changes.Add(change);
                db.Publish(CustomerEvents.ConsultantNamed(customer, scope.ActorName, now), clock);
            }
            return customer;
        }, cancellationToken);
    }
}
