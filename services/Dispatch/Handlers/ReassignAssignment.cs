namespace Crm.Dispatch.Handlers;

/// <summary>
/// Reassigns the customer, with a reason, to a named designer or by the rules, never back to the current one.
/// With nobody to take the customer the reassignment is refused and the assignment stays as it was.
/// </summary>
public sealed class ReassignAssignment(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid AssignmentId, string Reason, Guid? DesignerId);

    public Task<Outcome<AssignmentChange>> HandleAsync(Command command, CancellationToken cancellationToken) =>
        AssignmentMove.RunAsync(db, command.AssignmentId, AssignmentStatus.Reassigned, command.Reason, scope.ActorName, clock, async (assignment, designer, store, _) =>
        {
            var file = await db.CustomerFiles.SingleAsync(f => f.CustomerId == assignment.CustomerId, cancellationToken);
            file.AssignTo(null);
            var kind = command.DesignerId is null ? DispatchKind.Requested : DispatchKind.Manual;
            var (decision, next) = await db.DispatchAsync(store, file, kind, scope.ActorName, clock, cancellationToken,
                command.DesignerId, command.Reason, excludedDesignerId: designer.Id);
            return next is null ? CreateAssignment.NoEligibleDesigner(decision.Trace) : new AssignmentChange(assignment, next, null);
        }, cancellationToken);
}
