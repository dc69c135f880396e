namespace Crm.Dispatch.Apis;

public static class DesignersApi
{
    public static IEndpointRouteBuilder MapDesignersApi(this IEndpointRouteBuilder routes)
    {
        var designers = routes.MapGroup("/api/dispatch/designers").WithTags("Designers");
        designers.MapGet("/", List).RequireRoles(StaffRoles.StoreStaff);
        designers.MapGet("/{id:guid}", Get).RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    public sealed record DesignerResponse(
        Guid Id, Guid StoreId, string Name, DesignerLevel Level, bool ChargesDesignFee, IReadOnlyList<string> Styles,
        DesignerStatus Status, DateTimeOffset? LastDispatchedAt)
    {
        public static DesignerResponse From(Designer d) =>
            new(d.Id, d.StoreId, d.Name, d.Level, d.ChargesDesignFee, d.Styles, d.Status, d.LastDispatchedAt);
    }

    private static async Task<Results<Ok<ListPage<DesignerResponse>>, ValidationProblem>> List(
        Guid? storeId, int? page, int? pageSize, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Designers.AsNoTracking();
        if (storeId is not null) query = query.Where(d => d.StoreId == storeId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(d => d.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<DesignerResponse>(items.ConvertAll(DesignerResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<DesignerResponse>, ProblemHttpResult>> Get(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var designer = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        return designer is null ? Problems.NotFound("designer") : TypedResults.Ok(DesignerResponse.From(designer));
    }
}
