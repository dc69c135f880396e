namespace Crm.Dispatch.Handlers;

/// <summary>
/// The designer refuses the customer, with a reason: the refusal is announced, the designer bears its consequences
/// (<see cref="RefusalPolicy"/>: suspension, perhaps a removal flag), and the customer is dispatched again by the rules.
/// </summary>
public sealed class RefuseAssignment(DispatchDbContext db, StoreScope scope, TimeProvider clock)
{
    public const string RedispatchAfterRefusal = "automatic dispatch after a refusal";

    public Task<Outcome<AssignmentChange>> HandleAsync(Guid assignmentId, string reason, CancellationToken cancellationToken) =>
        AssignmentMove.RunAsync(db, assignmentId, AssignmentStatus.Refused, reason, scope.ActorName, clock, async (assignment, designer, store, now) =>
        {
            db.Publish(new AssignmentRefused
            {
                StoreId = store.Id, CustomerId = assignment.CustomerId, AssignmentId = assignment.Id,
                DesignerId = designer.Id, DesignerName = designer.Name, Reason = reason, RefusedAt = now,
            }, clock);
            await ApplyConsequencesAsync(store, designer, reason, now, cancellationToken);

            var file = await db.CustomerFiles.SingleAsync(f => f.CustomerId == assignment.CustomerId, cancellationToken);
            file.AssignTo(null);
            var (decision, next) = await db.DispatchAsync(store, file, DispatchKind.Automatic, RedispatchAfterRefusal, clock, cancellationToken);
            return new AssignmentChange(assignment, next, next is null ? decision.Trace : null);
        }, cancellationToken);

    /// <summary>The refusal's consequences for the designer, recorded in their history and announced.</summary>
    private async Task ApplyConsequencesAsync(DispatchStore store, Designer designer, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await db.SettingsAsync(store.Id, cancellationToken);
        var since = RefusalPolicy.WindowStart(settings, now);
        // This refusal is not saved yet: the policy counts it on top of the earlier ones.
        var earlier = await db.Assignments.CountAsync(a => a.DesignerId == designer.Id && a.Status == AssignmentStatus.Refused && a.DecidedAt >= since, cancellationToken);
        var today = store.LocalDate(now);
        var consequences = RefusalPolicy.Consequences(settings, today, earlier, designer.RemovalFlaggedAt is not null);
        var wasRemoved = designer.Status == DesignerStatus.Removed;
        designer.Apply(consequences, today, now);
        if (consequences.SuspendedUntil is not null && !wasRemoved)
        {
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "Suspended", $"until {designer.SuspendedUntil:yyyy-MM-dd} after a refusal", reason, "dispatch rules", now));
            db.Publish(new DesignerSuspended
            {
                StoreId = store.Id, DesignerId = designer.Id, DesignerName = designer.Name, Until = designer.SuspendedUntil!.Value, Reason = $"Refused a customer: {reason}", At = now,
            }, clock);
        }
        if (consequences.FlagForRemoval)
        {
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "RemovalFlagged", $"{consequences.RefusalsInWindow} refusals within {settings.RemovalWindowDays} days", reason, "dispatch rules", now));
            db.Publish(new DesignerRemovalFlagged
            {
                StoreId = store.Id, DesignerId = designer.Id, DesignerName = designer.Name, Refusals = consequences.RefusalsInWindow, WindowDays = settings.RemovalWindowDays, At = now,
            }, clock);
        }
    }
}
