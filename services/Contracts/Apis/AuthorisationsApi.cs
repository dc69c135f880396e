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
        var authorisations = routes.MapGroup("/api/contracts/authorisations").WithTags("Authorisations");
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
        Guid? storeId, int? page, int? pageSize, ContractDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var query = db.Authorisations.AsNoTracking();
        if (storeId is not null) query = query.Where(a => a.StoreId == storeId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.GrantedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var storeIds = items.Select(a => a.StoreId).Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => storeIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.TimeZone, cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new ListPage<AuthorisationResponse>(
            items.ConvertAll(a => AuthorisationResponse.From(a, StoreDays.LocalDate(stores.GetValueOrDefault(a.StoreId, StoreCopy.DefaultTimeZone), now))), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<AuthorisationResponse>, ValidationProblem, ProblemHttpResult>> Revoke(
        Guid id, RevokeAuthorisation revoke, CancellationToken cancellationToken) =>
        await revoke.HandleAsync(id, cancellationToken).AnswerAsync(a => TypedResults.Ok(AuthorisationResponse.From(a, DateOnly.MinValue)));
}
