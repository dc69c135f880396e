using System.Text.RegularExpressions;

namespace Crm.Customers.Apis;

public static partial class StoresApi
{
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder routes)
    {
        // A store is found on its shard by its id, which is the store's own.
        var stores = routes.MapGroup("/api/stores").WithTags("Stores")
            .RoutedToStoreShard<CustomerDbContext>((_, id, _) => Task.FromResult<Guid?>(id));
        stores.MapPost("/", Open).WithSummary("Opens a store of the chain; every service hears of it.").RequireRoles(StaffRoles.ChainAdmin);
        // Every staff member may see their own store; ChainAdmin sees all.
        stores.MapGet("/", ListStores).WithSummary("Lists the stores the caller may see.").RequireRoles(StaffRoles.All);
        stores.MapGet("/{id:guid}", GetStore).WithSummary("Reads one store.").RequireRoles(StaffRoles.All);
        return routes;
    }

    /// <summary>A store to open; <c>shard</c> places its records on that database shard (README, "PostgreSQL by store").</summary>
    public sealed record OpenStoreRequest(string? Code, string? Name, string? City, string? TimeZone, string? Shard = null);

    /// <summary>A store; <c>shard</c> names the database shard that holds its records ("home" with one database).</summary>
    public sealed record StoreResponse(Guid Id, string Code, string Name, string City, string TimeZone, DateTimeOffset OpenedAt, string Shard)
    {
        public static StoreResponse From(Store s, StorePlacements placements) =>
            new(s.Id, s.Code, s.Name, s.City, s.TimeZone, s.OpenedAt, placements.Find(s.Id)?.Shard ?? DatabaseShards.Home);
    }

    private static async Task<Results<Created<StoreResponse>, ValidationProblem, ProblemHttpResult>> Open(
        OpenStoreRequest request, OpenStore open, StorePlacements placements, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim().ToUpperInvariant();
        if (code is null || !StoreCode().IsMatch(code)) errors.Add("code", "A store code is 2 to 10 capital letters and digits, e.g. SH01.");
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add("name", "The store's name is required.");
        if (string.IsNullOrWhiteSpace(request.City)) errors.Add("city", "The store's city is required.");
        if (request.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
            errors.Add("timeZone", "Not a known IANA time zone, e.g. Asia/Shanghai.");
        if (request.Shard is { } shard && string.IsNullOrWhiteSpace(shard)) errors.Add("shard", "Name a database shard, or leave it out.");
        if (errors.Any) return Problems.Invalid(errors);
        return await open.HandleAsync(new(code!, request.Name!.Trim(), request.City!.Trim(), request.TimeZone, request.Shard?.Trim()), cancellationToken)
            .AnswerAsync(opened => TypedResults.Created($"/api/stores/{opened.Store.Id}", StoreResponse.From(opened.Store, placements)));
    }

    private static async Task<Results<Ok<ListPage<StoreResponse>>, ValidationProblem>> ListStores(
        int? page, int? pageSize, CustomerDbContext db, ShardRoute route, StoreScope scope, StorePlacements placements, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        // A store's staff see their own store, on their shard; the chain's staff see every shard's.
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, null, shard => shard.Stores.AsNoTracking(),
            stores => stores.OrderBy(s => s.Code), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<StoreResponse>(items.ConvertAll(s => StoreResponse.From(s, placements)), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> GetStore(
        Guid id, CustomerDbContext db, StorePlacements placements, CancellationToken cancellationToken)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return store is null ? Problems.NotFound("store") : TypedResults.Ok(StoreResponse.From(store, placements));
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex StoreCode();
}
