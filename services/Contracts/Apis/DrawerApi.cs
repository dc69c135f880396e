namespace Crm.Contracts.Apis;

/// <summary>The store's drawer and what needs seeing to: stock counts against the ledger, and the alerts of the forms.</summary>
public static class DrawerApi
{
    public sealed record StockCountRequest(Guid? StoreId, List<string>? Serials);

    public sealed record StockCountResponse(Guid Id, Guid StoreId, DateTimeOffset CountedAt, string CountedBy, int Expected, int Present, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected)
    {
        public static StockCountResponse From(StockCount c) => new(c.Id, c.StoreId, c.CountedAt, c.CountedBy, c.Expected, c.Present, c.Missing, c.Unexpected);
    }

    public sealed record AlertsResponse(Guid StoreId, int RetrievalDays, IReadOnlyList<FormAlert> Alerts);

    public const int MaxCountedForms = 10_000;

    public static IEndpointRouteBuilder MapDrawerApi(this IEndpointRouteBuilder routes)
    {
        var drawer = routes.MapGroup("/api/contracts").RoutedToStoreShard<ContractDbContext>();
        drawer.MapPost("/stock-counts", Count).WithTags("Drawer").WithSummary("Records the serials found in the drawer; differences from the ledger become alerts.").RequireRoles(StaffRoles.StoreStaff);
        drawer.MapGet("/stock-counts", ListCounts).WithTags("Drawer").WithSummary("The store's stock counts, the latest first.").RequireRoles(StaffRoles.StoreStaff);
        drawer.MapGet("/alerts", Alerts).WithTags("Drawer").WithSummary("Forms not retrieved, passings-on overdue, forms lost, and the last count's differences.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Created<StockCountResponse>, ValidationProblem, ProblemHttpResult>> Count(
        StockCountRequest request, CountStock count, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(request.StoreId);
        if (store is null) errors.Add("storeId", "The store is required.");
        if (request.Serials is null) errors.Add("serials", "The serials found in the drawer (an empty list when it is empty).");
        else if (request.Serials.Count > MaxCountedForms) errors.Add("serials", $"At most {MaxCountedForms} serials.");
        else if (request.Serials.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > ContractDbContext.SerialLength)) errors.Add("serials", $"Each serial is 1 to {ContractDbContext.SerialLength} characters.");
        if (errors.Any) return Problems.Invalid(errors);
        var serials = request.Serials!.Select(s => s.Trim().ToUpperInvariant()).Distinct().ToList();
        return await count.HandleAsync(store!.Value, serials, cancellationToken)
            .AnswerAsync(c => TypedResults.Created($"/api/contracts/stock-counts?storeId={c.StoreId}", StockCountResponse.From(c)));
    }

    private static async Task<Results<Ok<ListPage<StockCountResponse>>, ValidationProblem>> ListCounts(
        Guid? storeId, int? page, int? pageSize, ContractDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId,
            shard => storeId is null ? shard.StockCounts.AsNoTracking() : shard.StockCounts.AsNoTracking().Where(c => c.StoreId == storeId),
            counts => counts.OrderByDescending(c => c.CountedAt).ThenBy(c => c.Id), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<StockCountResponse>(items.ConvertAll(StockCountResponse.From), paging.Page, paging.PageSize, total));
    }

    /// <summary>A query the morning meeting's report reads: everything about the store's forms that needs seeing to now.</summary>
    private static async Task<Results<Ok<AlertsResponse>, ValidationProblem, ProblemHttpResult>> Alerts(
        Guid? storeId, ContractDbContext db, StoreScope scope, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ContractOptions> options, CancellationToken cancellationToken)
    {
        var store = scope.StoreOr(storeId);
        if (store is null) return Problems.Invalid("storeId", "The store is required.");
        if (!await db.Stores.AnyAsync(s => s.Id == store, cancellationToken)) return Problems.NotFound("store");
        var forms = await db.Forms.AsNoTracking().Where(f => f.StoreId == store
            && (f.State == FormState.Issued || f.State == FormState.Signed || f.State == FormState.Lost || f.PassedAt != null)).ToListAsync(cancellationToken);
        var lastCount = await db.StockCounts.AsNoTracking().Where(c => c.StoreId == store).OrderByDescending(c => c.CountedAt).FirstOrDefaultAsync(cancellationToken);
        var days = options.Value.RetrievalDays;
        return TypedResults.Ok(new AlertsResponse(store.Value, days, FormAlerts.For(forms, lastCount, clock.GetUtcNow(), days)));
    }
}
