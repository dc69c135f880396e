namespace Crm.Contracts.Apis;

/// <summary>Who, besides the store manager and finance, may receive the store's contract forms: the store manager's authorisations.</summary>
public static class AuthorisationsApi
{
    private static readonly string[] Granters = [StaffRoles.ChainAdmin, StaffRoles.StoreManager];

    public sealed record AuthorisationRequest(Guid? StoreId, Guid? UserId, DateOnly? Until);

    public sealed record AuthorisationResponse(
        Guid Id, Guid StoreId, Guid UserId, string UserName, DateOnly Until, string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? RevokedAt, string? RevokedBy, bool InForce)
    {
        public static AuthorisationResponse From(RecipientAuthorisation a, DateOnly today) =>
            new(a.Id, a.StoreId, a.UserId, a.UserName, a.Until, a.GrantedBy, a.GrantedAt, a.RevokedAt, a.RevokedBy, a.InForceOn(today));
    }

    public static IEndpointRouteBuilder MapAuthorisationsApi(this IEndpointRouteBuilder routes)
    {
        var authorisations = routes.MapGroup("/api/contracts/authorisations").WithTags("Authorisations").RoutedToStoreShard<ContractDbContext>(
            (db, id, ct) => db.Authorisations.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => (Guid?)a.StoreId).FirstOrDefaultAsync(ct));
        authorisations.MapPost("/", Grant).WithSummary("Authorises a staff member of the store to receive contract forms through a last day.").RequireRoles(Granters);
        authorisations.MapGet("/", List).WithSummary("The store's authorisations, in force and ended.").RequireRoles(StaffRoles.StoreStaff);
        authorisations.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Ends an authorisation before its last day.").RequireRoles(Granters);
        return routes;
    }

    private static async Task<Results<Created<AuthorisationResponse>, ValidationProblem, ProblemHttpResult>> Grant(
        AuthorisationRequest request, GrantAuthorisation grant, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(request.StoreId);
        if (store is null) errors.Add("storeId", "The store is required.");
        if (request.UserId is null) errors.Add("userId", "The staff member authorised.");
        if (request.Until is null) errors.Add("until", "The last day of the authorisation (yyyy-MM-dd).");
        if (errors.Any) return Problems.Invalid(errors);
        return await grant.HandleAsync(new(store!.Value, request.UserId!.Value, request.Until!.Value), cancellationToken)
            .AnswerAsync(a => TypedResults.Created($"/api/contracts/authorisations?storeId={a.StoreId}", AuthorisationResponse.From(a, a.Until)));
    }

    private static async Task<Results<Ok<ListPage<AuthorisationResponse>>, ValidationProblem>> List(
        Guid? storeId, int? page, int? pageSize, ContractDbContext db, ShardRoute route, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var now = clock.GetUtcNow();
        // Each authorisation's store-local day is read on its own shard.
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId,
            shard => storeId is null ? shard.Authorisations.AsNoTracking() : shard.Authorisations.AsNoTracking().Where(a => a.StoreId == storeId),
            authorisations => authorisations.OrderByDescending(a => a.GrantedAt).ThenBy(a => a.Id),
            async (shard, page) =>
            {
                var storeIds = page.Select(a => a.StoreId).Distinct().ToList();
                var stores = await shard.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.TimeZone, cancellationToken);
                return page.ConvertAll(a => AuthorisationResponse.From(a, StoreDays.LocalDate(stores.GetValueOrDefault(a.StoreId, StoreCopy.DefaultTimeZone), now)));
            },
            paging, cancellationToken);
        return TypedResults.Ok(new ListPage<AuthorisationResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<AuthorisationResponse>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, RevokeAuthorisation revoke, CancellationToken cancellationToken) =>
        await revoke.HandleAsync(id, cancellationToken).AnswerAsync(a => TypedResults.Ok(AuthorisationResponse.From(a, DateOnly.MinValue)));
}
