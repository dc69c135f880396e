namespace Crm.Customers.Handlers;

/// <summary>What was recorded on a customer, and the stage the customer is at after it.</summary>
public sealed record Recorded<T>(T Item, CustomerStage Stage);

/// <summary>
/// Records a milestone of a customer with its figures: who may record which (<see cref="MilestonePermissions"/>),
/// the order rules of §1 (<see cref="MilestoneRules"/>), and the announcement, against the customer's latest state.
/// </summary>
public sealed class RecordMilestone(CustomerDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Recorded<Milestone>>> HandleAsync(Guid customerId, RecordMilestoneRequest request, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return Violation.NotFound("customer");
        var errors = request.Validate(customer, clock.GetUtcNow(), out var draft);
        if (errors.Any) return Violation.Invalid(errors);
        if (MilestonePermissions.Refusal(scope.Role, draft.Type) is { } notAllowed) return notAllowed;

        return await db.ForCustomerAsync<Recorded<Milestone>>(customerId, locked =>
        {
            var recorded = db.RecordMilestone(locked, draft, scope.Actor, scope.ActorName, clock);
            return Task.FromResult<Outcome<Recorded<Milestone>>>(recorded.Succeeded ? new Recorded<Milestone>(recorded.Value, locked.Stage) : recorded.Violation);
        }, cancellationToken);
    }
}
