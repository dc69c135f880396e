namespace Crm.Customers.Apis;

/// <summary>Recording the customer's dynamic information: milestones and the visits of a returning customer.</summary>
public static class MilestonesApi
{
    private sealed record Outcome(Customer Customer, Milestone? Milestone, string? Refusal);

    public static async Task<Results<Created<RecordedMilestoneResponse>, ValidationProblem, ProblemHttpResult>> Record(
        Guid id, RecordMilestoneRequest request, CustomerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return Problems.NotFound("customer");
        var errors = request.Validate(customer, clock.GetUtcNow(), out var draft);
        if (errors.Any) return Problems.Invalid(errors);
        if (MilestonePermissions.Refusal(scope.Role, draft.Type) is { } notAllowed) return Problems.Refused(notAllowed);

        var outcome = await CustomerTransaction.RunAsync(db, id, cancellationToken, locked =>
        {
            var (milestone, refusal) = db.RecordMilestone(locked, draft, scope.Actor, scope.ActorName, clock);
            return Task.FromResult(new Outcome(locked, milestone, refusal));
        });
        if (outcome is null) return Problems.NotFound("customer");
        if (outcome.Milestone is null)
            return Problems.Conflict("invalid-transition", outcome.Refusal!, new Dictionary<string, object?> { ["stage"] = outcome.Customer.Stage.ToString() });
        return TypedResults.Created($"/api/customers/{id}/timeline",
            new RecordedMilestoneResponse(MilestoneResponse.From(outcome.Milestone), outcome.Customer.Stage));
    }

    /// <summary>A returning customer (or a lead the store meets for the first time) is a new visit of the same customer.</summary>
    public static async Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult>> RecordVisit(
        Guid id, RecordVisitRequest request, CustomerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null) return Problems.NotFound("customer");
        var now = clock.GetUtcNow();
        var errors = request.Validate(customer, now);
        if (errors.Any) return Problems.Invalid(errors);
        var store = await db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);

        var visit = await CustomerTransaction.RunAsync(db, id, cancellationToken, async locked =>
        {
            var at = request.At ?? now;
            var returning = locked.MetAt is not null;
            locked.Meet(at);
            var recorded = CustomerVisit.Record(locked, store, request.Channel!.Value, at, returning,
                string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), scope.Actor, scope.ActorName);
            db.Visits.Add(recorded);
            await Task.CompletedTask;
            return new VisitResponse(recorded.Id, recorded.Channel, recorded.At, recorded.Returning, recorded.Note, recorded.RecordedByName, locked.Stage);
        });
        return visit is null ? Problems.NotFound("customer") : TypedResults.Created($"/api/customers/{id}/timeline", visit);
    }
}
