namespace Crm.Followups.Handlers;

/// <summary>Raises a customer problem for the customer's designer, announced for the morning meeting.</summary>
public sealed class RaiseProblem(FollowupDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<CustomerProblem>> HandleAsync(Guid customerId, string what, DateOnly? dueOn, CancellationToken cancellationToken)
    {
        if (await arrivals.NotYetArrivedAsync(customerId, "customer", ct => db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Id == customerId, ct), cancellationToken) is { } arriving)
            return arriving;
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null) return Violation.Invalid("customerId", "No customer with that id.");
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = store.LocalDate(now);
        var raised = CustomerProblem.Raise(customer, what, dueOn ?? today.AddDays(store.ProblemAnswerDays), today, scope.Actor, scope.ActorName, now);
        if (raised.Value is not { } problem) return raised;
        db.Problems.Add(problem);
        db.Publish(problem.Raised(), clock);
        await db.SaveChangesAsync(cancellationToken);
        return problem;
    }
}
