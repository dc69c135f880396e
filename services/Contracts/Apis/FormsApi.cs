namespace Crm.Contracts.Apis;

public static class FormsApi
{
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/api/contracts/forms").WithTags("Contract forms");
        forms.MapGet("/", List).WithSummary("Lists the store's contract forms by state and holder.").RequireRoles([.. StaffRoles.StoreStaff, StaffRoles.Finance]);
        return routes;
    }

    public sealed record FormResponse(string Serial, Guid StoreId, FormState State, Guid? HolderId, DateTimeOffset ReceivedAt)
    {
        public static FormResponse From(ContractForm f) => new(f.Serial, f.StoreId, f.State, f.HolderId, f.ReceivedAt);
    }

    private static async Task<Results<Ok<ListPage<FormResponse>>, ValidationProblem>> List(
        Guid? storeId, FormState? state, Guid? holderId, int? page, int? pageSize, ContractDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Forms.AsNoTracking();
        if (storeId is not null) query = query.Where(f => f.StoreId == storeId);
        if (state is not null) query = query.Where(f => f.State == state);
        if (holderId is not null) query = query.Where(f => f.HolderId == holderId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(f => f.Serial).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<FormResponse>(items.ConvertAll(FormResponse.From), paging.Page, paging.PageSize, total));
    }
}
