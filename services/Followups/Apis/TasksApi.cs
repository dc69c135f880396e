namespace Crm.Followups.Apis;

public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var tasks = routes.MapGroup("/api/followups/tasks").WithTags("Follow-up tasks");
        tasks.MapGet("/", List).WithSummary("Lists follow-up tasks by store and customer.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    public sealed record TaskResponse(
        Guid Id, Guid StoreId, Guid CustomerId, string CustomerNo, FollowUpTaskKind Kind, DateOnly DueOn, string Reason,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, DateTimeOffset? ClosedAt, string? ClosedReason)
    {
        public static TaskResponse From(FollowUpTask t) =>
            new(t.Id, t.StoreId, t.CustomerId, t.CustomerNo, t.Kind, t.DueOn, t.Reason, t.CreatedAt, t.CompletedAt, t.ClosedAt, t.ClosedReason);
    }

    private static async Task<Results<Ok<ListPage<TaskResponse>>, ValidationProblem>> List(
        Guid? storeId, Guid? customerId, int? page, int? pageSize, FollowupDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Tasks.AsNoTracking();
        if (storeId is not null) query = query.Where(t => t.StoreId == storeId);
        if (customerId is not null) query = query.Where(t => t.CustomerId == customerId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<TaskResponse>(items.ConvertAll(TaskResponse.From), paging.Page, paging.PageSize, total));
    }
}
