namespace Crm.Followups.Apis;

/// <summary>The operator runs the time-based task rules for a past store-local day (after an outage, say).</summary>
public static class TaskRulesApi
{
    public sealed record RunRequest(DateOnly? Date, Guid? StoreId);

    public sealed record RunResponse(DateOnly Date, int Stores, int TasksMade);

    public static IEndpointRouteBuilder MapTaskRulesOperations(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/operations/task-rules/run").RoutedToStoreShard<FollowupDbContext>().MapPost("/", Run).WithTags("Operations")
            .WithSummary("Runs the key-attention and key-follow-up rules as of a store-local day; only tasks not yet made are made.").RequireRoles(StaffRoles.ChainAdmin);
        return routes;
    }

    private static async Task<Results<Ok<RunResponse>, ValidationProblem, ProblemHttpResult>> Run(
        RunRequest request, RunTaskRules rules, FollowupDbContext db, ShardRoute route, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Date is not { } date) return Problems.Invalid("date", "The store-local day to run the rules for (yyyy-MM-dd).");
        // The store named is on the shard the request was sent to; every store, shard by shard.
        var storesByShard = new List<(string Shard, List<FollowupStore> Stores)>();
        foreach (var shard in request.StoreId is null ? route.Shards.Names : [route.Shard])
        {
            route.Use(db, shard);
            storesByShard.Add((shard, await db.Stores.AsNoTracking().Where(s => request.StoreId == null || s.Id == request.StoreId).ToListAsync(cancellationToken)));
        }
        var stores = storesByShard.SelectMany(s => s.Stores).ToList();
        if (request.StoreId is not null && stores.Count == 0) return Problems.NotFound("store");
        if (stores.Any(s => date > s.LocalDate(clock.GetUtcNow()))) return Problems.Invalid("date", "A day to come cannot be run yet.");
        var made = 0;
        foreach (var (shard, onShard) in storesByShard)
        {
            route.Use(db, shard);
            foreach (var store in onShard) made += await rules.RunAsync(store.Id, date, force: true, cancellationToken) ?? 0;
        }
        return TypedResults.Ok(new RunResponse(date, stores.Count, made));
    }
}
