namespace Crm.Followups.Apis;

/// <summary>
/// Customer problems that need a designer (需要设计师解决的客户问题): raised by the store, answered by the customer's
/// designer, listed for the store until resolved.
/// </summary>
public static class ProblemsApi
{
    private static readonly string[] Answerers = [.. StaffRoles.StoreStaff, StaffRoles.Designer];
    /// <summary>A home consultant raises and reads the problems of the customers they are named on.</summary>
    private static readonly string[] Raisers = [.. StaffRoles.StoreStaff, StaffRoles.HomeConsultant];
    private static readonly string[] Readers = [.. Answerers, StaffRoles.HomeConsultant];

    public enum ProblemStatus { Open, Resolved, All }

    public sealed record RaiseRequest(Guid? CustomerId, string? What, DateOnly? DueOn)
    {
        public FieldErrors Check()
        {
            var errors = new FieldErrors();
            if (CustomerId is null) errors.Add("customerId", "The customer whose problem it is.");
            TextFields.Check(What, "what", TextLimits.Text, required: true, "What the designer must solve for the customer.", errors);
            return errors;
        }
    }

    public sealed record ResolveRequest(string? Resolution);

    public sealed record ProblemResponse(
        Guid Id, Guid StoreId, Guid CustomerId, string CustomerNo, Guid DesignerId, string DesignerName, string What, DateOnly DueOn,
        string RaisedBy, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt, string? ResolvedBy, string? Resolution)
    {
        public static ProblemResponse From(CustomerProblem p) =>
            new(p.Id, p.StoreId, p.CustomerId, p.CustomerNo, p.DesignerId, p.DesignerName, p.What, p.DueOn, p.RaisedByName, p.RaisedAt, p.ResolvedAt, p.ResolvedByName, p.Resolution);
    }

    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder routes)
    {
        var problems = routes.MapGroup("/api/followups/problems").WithTags("Customer problems").RoutedToStoreShard(
            StoreShardRouting.By<FollowupDbContext>("id", (db, id, ct) => db.Problems.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => (Guid?)p.StoreId).FirstOrDefaultAsync(ct)),
            StoreShardRouting.By<FollowupDbContext>("customerId", FollowedCustomersApi.StoreOfAsync));
        problems.MapPost("/", Raise).WithSummary("Raises a customer problem for the customer's designer, due by the next morning meeting unless dueOn says otherwise.").RequireRoles(Raisers);
        problems.MapGet("/", List).WithSummary("The store's problems, status=open (default), resolved or all; a designer sees their own customers' only, a home consultant those they are named on.").RequireRoles(Readers);
        problems.MapPost("/{id:guid}/resolve", Resolve).WithSummary("The designer's answer, which resolves the problem.").RequireRoles(Answerers);
        return routes;
    }

    private static async Task<Results<Created<ProblemResponse>, ValidationProblem, ProblemHttpResult>> Raise(
        RaiseRequest request, RaiseProblem raise, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await raise.HandleAsync(request.CustomerId!.Value, request.What!.Trim(), request.DueOn, cancellationToken)
            .AnswerAsync(p => TypedResults.Created($"/api/followups/problems?customerId={p.CustomerId}", ProblemResponse.From(p)));
    }

    private static async Task<Results<Ok<ListPage<ProblemResponse>>, ValidationProblem>> List(
        Guid? storeId, Guid? customerId, Guid? designerId, string? status, int? page, int? pageSize,
        FollowupDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var which = QueryEnum.Parse<ProblemStatus>(status, "status", errors) ?? ProblemStatus.Open;
        if (errors.Any) return Problems.Invalid(errors);
        IQueryable<CustomerProblem> Query(FollowupDbContext shard)
        {
            var query = shard.Problems.AsNoTracking();
            if (scope.DesignerId is { } me) query = query.Where(p => p.DesignerId == me);
            if (scope.ConsultantId is { } consultant) query = query.Where(p => shard.CustomersOfConsultant(consultant).Contains(p.CustomerId));
            if (storeId is not null) query = query.Where(p => p.StoreId == storeId);
            if (customerId is not null) query = query.Where(p => p.CustomerId == customerId);
            if (designerId is not null) query = query.Where(p => p.DesignerId == designerId);
            if (which == ProblemStatus.Open) query = query.Where(p => p.ResolvedAt == null);
            if (which == ProblemStatus.Resolved) query = query.Where(p => p.ResolvedAt != null);
            return query;
        }
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId ?? customerId, Query,
            problems => problems.OrderBy(p => p.DueOn).ThenBy(p => p.RaisedAt).ThenBy(p => p.Id), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<ProblemResponse>(items.ConvertAll(ProblemResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ProblemResponse>, ValidationProblem, ProblemHttpResult>> Resolve(
        Guid id, ResolveRequest request, ResolveProblem resolve, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        TextFields.Check(request.Resolution, "resolution", TextLimits.Text, required: true, "How the designer solved it, or what the customer was told.", errors);
        if (errors.Any) return Problems.Invalid(errors);
        return await resolve.HandleAsync(id, request.Resolution!.Trim(), cancellationToken).AnswerAsync(p => TypedResults.Ok(ProblemResponse.From(p)));
    }
}
