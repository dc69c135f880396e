namespace Crm.Followups.Handlers;

/// <summary>Gives a customer's follow-ups, and their open tasks, to another staff member of the store, with a reason.</summary>
public sealed class ReassignCustomer(FollowupDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Reassignment>> HandleAsync(Guid customerId, Guid assigneeId, string reason, CancellationToken cancellationToken)
    {
        return await db.ForCustomerAsync<Reassignment>(arrivals, customerId, Violation.NotFound("customer"), async customer =>
        {
            var to = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == assigneeId, cancellationToken);
            if (to is null) return Violation.Invalid("assigneeId", "No staff member with that id.");
            var open = await db.Tasks.Where(t => t.CustomerId == customerId && t.CompletedAt == null && t.ClosedAt == null).ToListAsync(cancellationToken);
            var made = Reassignment.Make(customer, to, reason, open, scope.ActorName, clock.GetUtcNow());
            if (made.Value is { } reassignment) db.Reassignments.Add(reassignment);
            return made;
        }, cancellationToken);
    }
}
