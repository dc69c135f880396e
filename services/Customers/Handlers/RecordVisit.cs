namespace Crm.Customers.Handlers;

/// <summary>A returning customer (or a lead the store meets for the first time) is a new visit of the same customer.</summary>
public sealed class RecordVisit(CustomerDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Recorded<CustomerVisit>>> HandleAsync(Guid customerId, RecordVisitRequest request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return Violation.NotFound("customer");
        var now = clock.GetUtcNow();
        var errors = request.Validate(customer, now);
        if (errors.Any) return Violation.Invalid(errors);
        var store = await db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);

        return await db.ForCustomerAsync<Recorded<CustomerVisit>>(customerId, locked =>
        {
            var at = request.At ?? now;
            var metBefore = locked.MetAt;
            var returning = metBefore is not null;
            locked.Meet(at);
            db.AnnounceMeeting(locked, metBefore, clock);
            var visit = CustomerVisit.Record(locked, store, request.Channel!.Value, at, returning,
                string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), scope.Actor, scope.ActorName);
            db.Visits.Add(visit);
            return Task.FromResult<Outcome<Recorded<CustomerVisit>>>(new Recorded<CustomerVisit>(visit, locked.Stage));
        }, cancellationToken);
    }
}
