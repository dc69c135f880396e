namespace Crm.Dispatch.Apis;

public static class AssignmentsApi
{
    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder routes)
    {
        var assignments = routes.MapGroup("/api/dispatch/assignments").WithTags("Assignments");
        assignments.MapGet("/", List).RequireRoles([.. StaffRoles.StoreStaff, StaffRoles.Designer]);
        return routes;
    }

    public sealed record AssignmentResponse(
        Guid Id, Guid StoreId, Guid CustomerId, Guid DesignerId, AssignmentStatus Status, string DecidingRule, string RequestedBy, DateTimeOffset CreatedAt)
    {
        public static AssignmentResponse From(Assignment a) =>
            new(a.Id, a.StoreId, a.CustomerId, a.DesignerId, a.Status, a.DecidingRule, a.RequestedBy, a.CreatedAt);
    }

    private static async Task<Results<Ok<ListPage<AssignmentResponse>>, ValidationProblem>> List(
        Guid? storeId, Guid? designerId, Guid? customerId, int? page, int? pageSize, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Assignments.AsNoTracking();
        if (storeId is not null) query = query.Where(a => a.StoreId == storeId);
        if (designerId is not null) query = query.Where(a => a.DesignerId == designerId);
        if (customerId is not null) query = query.Where(a => a.CustomerId == customerId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<AssignmentResponse>(items.ConvertAll(AssignmentResponse.From), paging.Page, paging.PageSize, total));
    }
}
