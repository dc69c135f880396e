namespace Crm.Followups.Handlers;

/// <summary>Records the designer's answer to a customer problem; a designer answers only their own customers' problems.</summary>
public sealed class ResolveProblem(FollowupDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<CustomerProblem>> HandleAsync(Guid problemId, string resolution, CancellationToken cancellationToken)
    {
        return await db.InTransactionAsync(async () =>
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Problems" WHERE "Id" = {problemId} FOR UPDATE""", cancellationToken);
            var problem = await db.Problems.FirstOrDefaultAsync(p => p.Id == problemId, cancellationToken);
            if (problem is null) return Violation.NotFound("problem");
            if (problem.Resolve(resolution, scope.DesignerId, scope.Actor, scope.ActorName, clock.GetUtcNow()) is { } refused) return refused;
            db.Publish(problem.Resolved(), clock);
            return (Outcome<CustomerProblem>)problem;
        }, outcome => outcome.Succeeded, cancellationToken);
    }
}
