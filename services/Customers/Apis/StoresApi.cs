using System.Text.RegularExpressions;

namespace Crm.Customers.Apis;

public static partial class StoresApi
{
    public static IEndpointRouteBuilder MapStoresApi(this IEndpointRouteBuilder routes)
    {
        var stores = routes.MapGroup("/api/stores").WithTags("Stores");
        stores.MapPost("/", Open).WithSummary("Opens a store of the chain; every service hears of it.").RequireRoles(StaffRoles.ChainAdmin);
        // Every staff member may see their own store; ChainAdmin sees all.
        stores.MapGet("/", ListStores).WithSummary("Lists the stores the caller may see.").RequireRoles(StaffRoles.All);
        stores.MapGet("/{id:guid}", GetStore).WithSummary("Reads one store.").RequireRoles(StaffRoles.All);
        return routes;
    }

    public sealed record OpenStoreRequest(string? Code, string? Name, string? City, string? TimeZone);

    public sealed record StoreResponse(Guid Id, string Code, string Name, string City, string TimeZone, DateTimeOffset OpenedAt)
    {
        public static StoreResponse From(Store s) => new(s.Id, s.Code, s.Name, s.City, s.TimeZone, s.OpenedAt);
    }

    private static async Task<Results<Created<StoreResponse>, ValidationProblem, ProblemHttpResult>> Open(
        OpenStoreRequest request, OpenStore open, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var code = request.Code?.Trim().ToUpperInvariant();
        if (code is null || !StoreCode().IsMatch(code)) errors.Add("code", "A store code is 2 to 10 capital letters and digits, e.g. SH01.");
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add("name", "The store's name is required.");
        if (string.IsNullOrWhiteSpace(request.City)) errors.Add("city", "The store's city is required.");
        if (request.TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
            errors.Add("timeZone", "Not a known IANA time zone, e.g. Asia/Shanghai.");
        if (errors.Any) return Problems.Invalid(errors);
        return await open.HandleAsync(new(code!, request.Name!.Trim(), request.City!.Trim(), request.TimeZone), cancellationToken)
            .AnswerAsync(store => TypedResults.Created($"/api/stores/{store.Id}", StoreResponse.From(store)));
    }

    private static async Task<Results<Ok<ListPage<StoreResponse>>, ValidationProblem>> ListStores(
        int? page, int? pageSize, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var total = await db.Stores.LongCountAsync(cancellationToken);
        var items = await db.Stores.OrderBy(s => s.Code).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<StoreResponse>(items.ConvertAll(StoreResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<StoreResponse>, ProblemHttpResult>> GetStore(Guid id, CustomerDbContext db, CancellationToken cancellationToken)
    {
        var store = await db.Stores.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return store is null ? Problems.NotFound("store") : TypedResults.Ok(StoreResponse.From(store));
    }

    [GeneratedRegex("^[A-Z0-9]{2,10}$")]
    private static partial Regex StoreCode();
}
