namespace Crm.Dispatch.Handlers;

/// <summary>The ended assignment, and the one that followed when a designer was eligible (else the trace of why none was).</summary>
public sealed record AssignmentChange(Assignment Assignment, Assignment? Next, DispatchTrace? NextTrace);

/// <summary>
/// The assignment's move (its rule in <see cref="Assignment.Move"/>) under the store's lock, followed by what the
/// move brings about: a refusal's consequences and the next dispatch, or the reassignment.
/// </summary>
internal static class AssignmentMove
{
    public delegate Task<Outcome<AssignmentChange>> Then(Assignment assignment, Designer designer, DispatchStore store, DateTimeOffset now);

    public static async Task<Outcome<AssignmentChange>> RunAsync(
        DispatchDbContext db, Guid assignmentId, AssignmentStatus to, string? reason, string by, TimeProvider clock, Then then, CancellationToken cancellationToken)
    {
        var found = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignmentId, cancellationToken);
        if (found is null) return Violation.NotFound("assignment");

        return await db.InStoreAsync<AssignmentChange>(found.StoreId, Violation.NotFound("assignment"), async store =>
        {
            var assignment = await db.Assignments.SingleAsync(a => a.Id == assignmentId, cancellationToken);
            var now = clock.GetUtcNow();
            if (assignment.Move(to, reason, by, now) is { } refusal) return refusal;
            var designer = await db.Designers.SingleAsync(d => d.Id == assignment.DesignerId, cancellationToken);
            return await then(assignment, designer, store, now);
        }, cancellationToken);
    }
}
