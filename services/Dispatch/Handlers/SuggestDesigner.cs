namespace Crm.Dispatch.Handlers;

/// <summary>The rules' choice for a customer now, with its full trace, as a dry run: the same computation as a dispatch, assigning nothing.</summary>
public sealed class SuggestDesigner(DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<DispatchDecision>> HandleAsync(Guid customerId, CancellationToken cancellationToken)
    {
        var found = await db.CustomerFileAsync(arrivals, customerId, cancellationToken);
        if (!found.Succeeded) return found.Violation;
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == found.Value.StoreId, cancellationToken);
        return await db.DecideAsync(store, found.Value, DispatchKind.Requested, scope.ActorName, clock.GetUtcNow(), cancellationToken);
    }
}
