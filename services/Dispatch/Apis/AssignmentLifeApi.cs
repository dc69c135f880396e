namespace Crm.Dispatch.Apis;

/// <summary>
/// The life of an assignment (§2): accepted; refused with a reason, which suspends the designer, may flag them
/// for removal, and dispatches the customer again; or reassigned with a reason, to a named designer or by the rules.
/// </summary>
public static class AssignmentLifeApi
{
    public const string RedispatchAfterRefusal = "automatic dispatch after a refusal";

    public static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken) =>
        await MoveAsync(id, AssignmentStatus.Accepted, null, db, scope, clock, cancellationToken, (assignment, designer, _, now) =>
        {
            db.Publish(new AssignmentAccepted
            {
                StoreId = assignment.StoreId, CustomerId = assignment.CustomerId, AssignmentId = assignment.Id,
                DesignerId = designer.Id, DesignerName = designer.Name, AcceptedAt = now,
            }, clock);
            return Task.FromResult<(Assignment?, DispatchTrace?)>((null, null));
        });

    public static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Refuse(
        Guid id, ReasonRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReasonProblem(request) is { } invalid) return invalid;
        if (request.DesignerId is not null) return Problems.Invalid("designerId", "A refused customer is dispatched again by the rules.");
        var reason = request.Reason!.Trim();
        return await MoveAsync(id, AssignmentStatus.Refused, reason, db, scope, clock, cancellationToken, async (assignment, designer, store, now) =>
        {
            var settings = await db.SettingsAsync(store.Id, cancellationToken);
            db.Publish(new AssignmentRefused
            {
                StoreId = store.Id, CustomerId = assignment.CustomerId, AssignmentId = assignment.Id,
                DesignerId = designer.Id, DesignerName = designer.Name, Reason = reason, RefusedAt = now,
            }, clock);
            await SuspendForRefusalAsync(db, store, designer, settings, reason, now, clock, cancellationToken);

            var file = await db.CustomerFiles.SingleAsync(f => f.CustomerId == assignment.CustomerId, cancellationToken);
            file.AssignTo(null);
            var (decision, next) = await db.DispatchAsync(store, file, DispatchKind.Automatic, RedispatchAfterRefusal, clock, cancellationToken);
            return (next, decision.Trace);
        });
    }

    public static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid id, ReasonRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReasonProblem(request) is { } invalid) return invalid;
        var reason = request.Reason!.Trim();
        return await MoveAsync(id, AssignmentStatus.Reassigned, reason, db, scope, clock, cancellationToken, async (assignment, designer, store, _) =>
        {
            var file = await db.CustomerFiles.SingleAsync(f => f.CustomerId == assignment.CustomerId, cancellationToken);
            file.AssignTo(null);
            // Reassigning means to someone else: the current designer is left out of the choice.
            var kind = request.DesignerId is null ? DispatchKind.Requested : DispatchKind.Manual;
            var (decision, next) = await db.DispatchAsync(store, file, kind, scope.ActorName, clock, cancellationToken,
                request.DesignerId, reason, excludedDesignerId: designer.Id);
            return (next, decision.Trace);
        }, nobodyRefuses: true);
    }

    /// <summary>The refusal's consequences for the designer (<see cref="RefusalPolicy"/>), recorded in their history and announced.</summary>
    private static async Task SuspendForRefusalAsync(
        DispatchDbContext db, DispatchStore store, Designer designer, DispatchSettings settings, string reason, DateTimeOffset now, TimeProvider clock, CancellationToken cancellationToken)
    {
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

    private static ValidationProblem? ReasonProblem(ReasonRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) ? Problems.Invalid("reason", "Say why: the assignment keeps the reason.")
        : request.Reason.Length > TextLimits.Reason ? Problems.Invalid("reason", $"At most {TextLimits.Reason} characters.")
        : null;

    private static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, AssignmentStatus to, string? reason, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken,
        Func<Assignment, Designer, DispatchStore, DateTimeOffset, Task<(Assignment? Next, DispatchTrace? Trace)>> then, bool nobodyRefuses = false)
    {
        var found = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (found is null) return Problems.NotFound("assignment");

        return await StoreTransaction.RunAsync<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>>(
            db, found.StoreId, Problems.NotFound("assignment"), cancellationToken, async store =>
            {
                var assignment = await db.Assignments.SingleAsync(a => a.Id == id, cancellationToken);
                var now = clock.GetUtcNow();
                if (assignment.Move(to, reason, scope.ActorName, now) is { } refusal) return Problems.Refused(refusal);
                var designer = await db.Designers.SingleAsync(d => d.Id == assignment.DesignerId, cancellationToken);
                var (next, trace) = await then(assignment, designer, store, now);
                // A reassignment with nobody to take the customer is refused: the assignment stays as it was.
                if (nobodyRefuses && next is null) return AssignmentsApi.NoEligibleDesigner(trace!);
                return TypedResults.Ok(new AssignmentChangeResponse(AssignmentResponse.From(assignment), next is null ? null : AssignmentResponse.From(next), next is null ? trace : null));
            });
    }
}
