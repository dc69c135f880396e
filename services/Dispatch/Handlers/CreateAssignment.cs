namespace Crm.Dispatch.Handlers;

/// <summary>
/// Dispatches a customer: by the rules, or to a named designer of the customer's store. Naming one the rules
/// would not choose is an override and needs a reason; a customer with a live assignment is reassigned instead.
/// </summary>
public sealed class CreateAssignment(DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid CustomerId, Guid? DesignerId, string? Reason);

    public async Task<Outcome<Assignment>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var found = await db.CustomerFileAsync(arrivals, command.CustomerId, cancellationToken);
        if (!found.Succeeded) return found.Violation;
        var file = found.Value;
        if (command.DesignerId is { } named && !await db.Designers.AnyAsync(d => d.Id == named && d.StoreId == file.StoreId, cancellationToken))
            return Violation.Invalid("designerId", "No designer with that id in the customer's store.");

        return await db.InStoreAsync<Assignment>(file.StoreId, Violation.NotFound("customer"), async store =>
        {
            var tracked = await db.CustomerFiles.SingleAsync(f => f.CustomerId == file.CustomerId, cancellationToken);
            if (await db.Assignments.AnyAsync(a => a.CustomerId == tracked.CustomerId && (a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted), cancellationToken))
                return Violation.Conflict("already-assigned", "The customer has a live assignment: reassign it instead.");
            if (command.DesignerId is { } id && (await db.Designers.SingleAsync(d => d.Id == id, cancellationToken)).Status == DesignerStatus.Removed)
                return Violation.Conflict("designer-removed", "The designer has been removed from the roster.");

            var kind = command.DesignerId is null ? DispatchKind.Requested : DispatchKind.Manual;
            var (decision, assignment) = await db.DispatchAsync(store, tracked, kind, scope.ActorName, clock, cancellationToken, command.DesignerId, command.Reason);
            if (decision.Trace.Override && command.Reason is null)
                return Violation.Invalid("reason", $"Naming this designer overrides the rules ({decision.Trace.Decision}); say why.");
            return assignment is null ? NoEligibleDesigner(decision.Trace) : assignment;
        }, cancellationToken);
    }

    /// <summary>Nobody may take the customer now: the 409 carries the trace that says why of each designer.</summary>
    public static Violation NoEligibleDesigner(DispatchTrace trace) =>
        Violation.Conflict("no-eligible-designer", trace.Decision, new Dictionary<string, object?> { ["trace"] = trace });
}
