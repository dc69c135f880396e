namespace Crm.Dispatch.Apis;

/// <summary>Dispatching a customer (by the rules or by hand), the dry run, and reading assignments with their traces.</summary>
public static class AssignmentsApi
{
    private static readonly string[] StoreStaffAndDesigner = [.. StaffRoles.StoreStaff, StaffRoles.Designer];

    public static IEndpointRouteBuilder MapAssignmentsApi(this IEndpointRouteBuilder routes)
    {
        var assignments = routes.MapGroup("/api/dispatch/assignments").WithTags("Assignments");
        assignments.MapGet("/", List).WithSummary("Lists assignments by store, designer, customer, day and status.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapGet("/{id:guid}", Get).WithSummary("Reads an assignment with its trace, in words.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/", Create).WithSummary("Dispatches a customer by the rules, or to a named designer (an override needs a reason).").RequireRoles(StaffRoles.StoreStaff);
        assignments.MapPost("/{id:guid}/accept", AssignmentLifeApi.Accept).WithSummary("The designer accepts the customer.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/{id:guid}/refuse", AssignmentLifeApi.Refuse).WithSummary("The designer refuses, with a reason: suspended, and the customer dispatched again.").RequireRoles(StoreStaffAndDesigner);
        assignments.MapPost("/{id:guid}/reassign", AssignmentLifeApi.Reassign).WithSummary("Reassigns the customer to another designer, with a reason.").RequireRoles(StaffRoles.StoreStaff);
        routes.MapPost("/api/dispatch/suggestions", Suggest).WithSummary("The rules' choice with its full trace, assigning nothing.").WithTags("Assignments").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<ListPage<AssignmentResponse>>, ValidationProblem>> List(
        Guid? storeId, Guid? designerId, Guid? customerId, DateOnly? date, string? status, int? page, int? pageSize,
        DispatchDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var state = QueryEnum.Parse<AssignmentStatus>(status, "status", errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Assignments.AsNoTracking();
        if (storeId is not null) query = query.Where(a => a.StoreId == storeId);
        if (designerId is not null) query = query.Where(a => a.DesignerId == designerId);
        if (customerId is not null) query = query.Where(a => a.CustomerId == customerId);
        if (state is not null) query = query.Where(a => a.Status == state);
        if (date is not null) query = query.Where(a => a.CreatedOn == date);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
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
        AssignmentRequest request, DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.CustomerId is null) return Problems.Invalid("customerId", "The customer to dispatch.");
        if (request.Reason is { Length: > TextLimits.Reason }) return Problems.Invalid("reason", $"At most {TextLimits.Reason} characters.");
        var (file, missing) = await db.CustomerFileAsync(arrivals, request.CustomerId.Value, cancellationToken);
        if (file is null) return missing!;
        if (request.DesignerId is { } named && !await db.Designers.AnyAsync(d => d.Id == named && d.StoreId == file.StoreId, cancellationToken))
            return Problems.Invalid("designerId", "No designer with that id in the customer's store.");

        return await StoreTransaction.RunAsync<Results<Created<AssignmentResponse>, ValidationProblem, ProblemHttpResult>>(
            db, file.StoreId, Problems.NotFound("customer"), cancellationToken, async store =>
            {
                var tracked = await db.CustomerFiles.SingleAsync(f => f.CustomerId == file.CustomerId, cancellationToken);
                if (await db.Assignments.AnyAsync(a => a.CustomerId == tracked.CustomerId && (a.Status == AssignmentStatus.Offered || a.Status == AssignmentStatus.Accepted), cancellationToken))
                    return Problems.Conflict("already-assigned", "The customer has a live assignment: reassign it instead.");
                if (request.DesignerId is { } id && (await db.Designers.SingleAsync(d => d.Id == id, cancellationToken)).Status == DesignerStatus.Removed)
                    return Problems.Conflict("designer-removed", "The designer has been removed from the roster.");

                var kind = request.DesignerId is null ? DispatchKind.Requested : DispatchKind.Manual;
                var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
                var (decision, assignment) = await db.DispatchAsync(store, tracked, kind, scope.ActorName, clock, cancellationToken, request.DesignerId, reason);
                if (decision.Trace.Override && reason is null)
                    return Problems.Invalid("reason", $"Naming this designer overrides the rules ({decision.Trace.Decision}); say why.");
                if (assignment is null) return NoEligibleDesigner(decision.Trace);
                return TypedResults.Created($"/api/dispatch/assignments/{assignment.Id}", AssignmentResponse.From(assignment));
            });
    }

    /// <summary>The same computation as a dispatch, as a dry run: nothing is assigned.</summary>
    private static async Task<Results<Ok<SuggestionResponse>, ValidationProblem, ProblemHttpResult>> Suggest(
        SuggestionRequest request, DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.CustomerId is null) return Problems.Invalid("customerId", "The customer to suggest designers for.");
        var (file, missing) = await db.CustomerFileAsync(arrivals, request.CustomerId.Value, cancellationToken);
        if (file is null) return missing!;
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == file.StoreId, cancellationToken);
        var decision = await db.DecideAsync(store, file, DispatchKind.Requested, scope.ActorName, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SuggestionResponse(file.CustomerId, decision.Chosen?.Id, decision.Trace));
    }

    internal static ProblemHttpResult NoEligibleDesigner(DispatchTrace trace) =>
        Problems.Conflict("no-eligible-designer", trace.Decision, new Dictionary<string, object?> { ["trace"] = trace });

}
