namespace Crm.Followups.Handlers;

/// <summary>Gives a customer's follow-ups, and their open tasks, to another staff member of the store, with a reason.</summary>
public sealed class ReassignCustomer(FollowupDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Reassignment>> HandleAsync(Guid customerId, Guid assigneeId, string reason, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(customerId, "customer", ct => db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Id == customerId, ct), cancellationToken) is { } arriving)
            return arriving;
        return await db.InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Customers" WHERE "Id" = {customerId} FOR UPDATE""", cancellationToken);
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null) return Violation.NotFound("customer");
            var to = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == assigneeId, cancellationToken);
            if (to is null) return Violation.Invalid("assigneeId", "No staff member with that id.");
            var open = await db.Tasks.Where(t => t.CustomerId == customerId && t.CompletedAt == null && t.ClosedAt == null).ToListAsync(cancellationToken);
            var made = Reassignment.Make(customer, to, reason, open, scope.ActorName, clock.GetUtcNow());
            if (made.Value is { } reassignment) db.Reassignments.Add(reassignment);
            return made;
        }, outcome => outcome.Succeeded, cancellationToken);
    }
}
