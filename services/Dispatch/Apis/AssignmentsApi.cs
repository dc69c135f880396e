namespace Crm.Dispatch.Apis;

/// <summary>Dispatching a customer (by the rules or by hand), the dry run, and reading assignments with their traces.</summary>
public static class AssignmentsApi
{
    private static readonly string[] StoreStaffAndDesigner = [.. StaffRoles.StoreStaff, StaffRoles.Designer];

    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder routes)
    {
        var assignments = routes.MapGroup("/api/dispatch/assignments").WithTags("Assignments").RoutedToStoreShard(
            StoreShardRouting.By<DispatchDbContext>("id", (db, id, ct) => db.Assignments.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => (Guid?)a.StoreId).FirstOrDefaultAsync(ct)),
            StoreShardRouting.By<DispatchDbContext>("customerId", CustomerStoreAsync),
            StoreShardRouting.By<DispatchDbContext>("designerId", DesignersApi.StoreOfAsync));
        assignments.MapGet("/", List).WithSummary("Lists assignments by store, designer, customer, day and status.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapGet("/{id:guid}", Get).WithSummary("Reads an assignment with its trace, in words.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/", Create).WithSummary("Dispatches a customer by the rules, or to a named designer (an override needs a reason).").RequireRoles(StaffRoles.StoreStaff);
        assignments.MapPost("/{id:guid}/accept", Accept).WithSummary("The designer accepts the customer.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/{id:guid}/refuse", Refuse).WithSummary("The designer refuses, with a reason: suspended, and the customer dispatched again.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/{id:guid}/reassign", Reassign).WithSummary("Reassigns the customer to another designer, with a reason.").RequireRoles(StaffRoles.StoreStaff);
        routes.MapGroup("/api/dispatch/suggestions").RoutedToStoreShard(StoreShardRouting.By<DispatchDbContext>("customerId", CustomerStoreAsync))
            .MapPost("/", Suggest).WithSummary("The rules' choice with its full trace, assigning nothing.").WithTags("Assignments").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static Task<Guid?> CustomerStoreAsync(DispatchDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        db.CustomerFiles.IgnoreQueryFilters().Where(f => f.CustomerId == customerId).Select(f => (Guid?)f.StoreId).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<Ok<ListPage<AssignmentResponse>>, ValidationProblem>> List(
        Guid? storeId, Guid? designerId, Guid? customerId, DateOnly? date, string? status, int? page, int? pageSize,
        DispatchDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var state = QueryEnum.Parse<AssignmentStatus>(status, "status", errors);
        if (errors.Any) return Problems.Invalid(errors);

        IQueryable<Assignment> Query(DispatchDbContext shard)
        {
            var query = shard.Assignments.AsNoTracking();
            if (storeId is not null) query = query.Where(a => a.StoreId == storeId);
            if (designerId is not null) query = query.Where(a => a.DesignerId == designerId);
            if (customerId is not null) query = query.Where(a => a.CustomerId == customerId);
            if (state is not null) query = query.Where(a => a.Status == state);
            if (date is not null) query = query.Where(a => a.CreatedOn == date);
            return query;
        }
        // A designer or a customer is in one store, whose shard the request was sent to.
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId ?? designerId ?? customerId, Query,
            assignments => assignments.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id), paging, cancellationToken);
        var pageItems = items.ConvertAll(a => AssignmentResponse.From(a, withTrace: false));
        return TypedResults.Ok(new ListPage<AssignmentResponse>(pageItems, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<AssignmentResponse>, ProblemHttpResult>> Get(Guid id, DispatchDbContext db, CancellationToken cancellationToken)
    {
        var assignment = await db.Assignments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return assignment is null ? Problems.NotFound("assignment") : TypedResults.Ok(AssignmentResponse.From(assignment));
    }

    /// <summary>Without a designer, the rules choose; naming one that the rules would not choose is an override and needs a reason.</summary>
    private static async Task<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>> Create(
        AssignmentRequest request, CreateAssignment dispatch, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await dispatch.HandleAsync(request.ToCommand(), cancellationToken)
            .AnswerAsync(a => TypedResults.Created($"/api/dispatch/assignments/{a.Id}", AssignmentResponse.From(a)));
    }

    private static Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid id, AcceptAssignment accept, CancellationToken cancellationToken) =>
        accept.HandleAsync(id, cancellationToken).AnswerAsync(change => TypedResults.Ok(AssignmentChangeResponse.From(change)));

    private static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Refuse(
        Guid id, ReasonRequest request, RefuseAssignment refuse, CancellationToken cancellationToken)
    {
        if (request.Check(designerAllowed: false) is { Any: true } errors) return Problems.Invalid(errors);
        return await refuse.HandleAsync(id, request.Reason!.Trim(), cancellationToken).AnswerAsync(change => TypedResults.Ok(AssignmentChangeResponse.From(change)));
    }

    private static async Task<Results<Ok<AssignmentChangeResponse>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid id, ReasonRequest request, ReassignAssignment reassign, CancellationToken cancellationToken)
    {
        if (request.Check(designerAllowed: true) is { Any: true } errors) return Problems.Invalid(errors);
        return await reassign.HandleAsync(new(id, request.Reason!.Trim(), request.DesignerId), cancellationToken)
            .AnswerAsync(change => TypedResults.Ok(AssignmentChangeResponse.From(change)));
    }

    /// <summary>The same computation as a dispatch, as a dry run: nothing is assigned.</summary>
    private static async Task<Results<Ok<SuggestionResponse>, ValidationProblem, ProblemHttpResult>> Suggest(
        SuggestionRequest request, SuggestDesigner suggest, CancellationToken cancellationToken)
    {
        if (request.CustomerId is not { } customerId) return Problems.Invalid("customerId", "The customer to suggest designers for.");
        return await suggest.HandleAsync(customerId, cancellationToken)
            .AnswerAsync(decision => TypedResults.Ok(new SuggestionResponse(customerId, decision.Chosen?.Id, decision.Trace)));
    }
}
