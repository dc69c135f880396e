namespace Crm.Dispatch.Handlers;

/// <summary>The designer accepts the customer offered to them; the acceptance is announced.</summary>
public sealed class AcceptAssignment(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<AssignmentChange>> HandleAsync(Guid assignmentId, CancellationToken cancellationToken) =>
        AssignmentMove.RunAsync(db, assignmentId, AssignmentStatus.Accepted, null, scope.ActorName, clock, (assignment, designer, _, now) =>
        {
            db.Publish(new AssignmentAccepted
            {
                StoreId = assignment.StoreId, CustomerId = assignment.CustomerId, AssignmentId = assignment.Id,
                DesignerId = designer.Id, DesignerName = designer.Name, AcceptedAt = now,
            }, clock);
            return Task.FromResult<Outcome<AssignmentChange>>(new AssignmentChange(assignment, null, null));
        }, cancellationToken);
}
