namespace Crm.Followups.Apis;

/// <summary>
/// A customer as follow-ups see them (who follows them up, their designer and consultant, what the task rules read),
/// and reassignment: the store gives the customer, and their open tasks, to another staff member.
/// </summary>
public static class FollowedCustomersApi
{
    public sealed record FollowedCustomerResponse(
        Guid CustomerId, Guid StoreId, string CustomerNo, CustomerSource Source, CustomerStage Stage, DateOnly RegisteredOn, Guid? AssigneeId, string? AssigneeName,
        Guid? DesignerId, string? DesignerName, Guid? ConsultantId, string? ConsultantName, DateTimeOffset? DepositPaidAt, DateTimeOffset? DesignFeePaidAt,
        DateTimeOffset? QuotedAt, DateTimeOffset? MeasuredAt, DateTimeOffset? SignedAt, DateOnly StaleFrom)
    {
        public static FollowedCustomerResponse From(FollowedCustomer c) => new(
            c.Id, c.StoreId, c.CustomerNo, c.Source, c.Stage, c.RegisteredOn, c.AssigneeId, c.AssigneeName, c.DesignerId, c.DesignerName, c.ConsultantId, c.ConsultantName,
            c.DepositPaidAt, c.DesignFeePaidAt, c.QuotedAt, c.MeasuredAt, c.SignedAt, TaskRules.StaleFrom(c.RegisteredOn));
    }

    public sealed record ReassignRequest(Guid? AssigneeId, string? Reason);

    public sealed record ReassignmentResponse(
        Guid Id, Guid CustomerId, Guid? FromId, string? FromName, Guid ToId, string ToName, string Reason, int TasksMoved, string By, DateTimeOffset At)
    {
        public static ReassignmentResponse From(Reassignment r) => new(r.Id, r.CustomerId, r.FromId, r.FromName, r.ToId, r.ToName, r.Reason, r.TasksMoved, r.By, r.At);
    }

    public static IEndpointRouteBuilder MapFollowedCustomersApi(this IEndpointRouteBuilder routes)
    {
        var customer = routes.MapGroup("/api/followups/customers/{customerId:guid}").WithTags("Follow-up tasks")
            .RoutedToStoreShard(StoreShardRouting.By<FollowupDbContext>("customerId", StoreOfAsync));
        customer.MapGet("/", Get).WithSummary("The customer as follow-ups see them: assignee, designer, consultant, the milestones the task rules read, and the day they turn stale.")
            .RequireRoles(StaffRoles.StoreStaff);
        customer.MapPut("/assignee", Reassign).WithSummary("Gives the customer's follow-ups and open tasks to another staff member of the store, with a reason.")
            .RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        customer.MapGet("/reassignments", List).WithSummary("Every reassignment of the customer's follow-ups: from whom, to whom, who, when and why.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    /// <summary>The store of a followed customer, on the shard the context is on.</summary>
    public static Task<Guid?> StoreOfAsync(FollowupDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        db.Customers.IgnoreQueryFilters().Where(c => c.Id == customerId).Select(c => (Guid?)c.StoreId).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<Ok<FollowedCustomerResponse>, ProblemHttpResult>> Get(Guid customerId, FollowupDbContext db, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken) is { } customer
            ? TypedResults.Ok(FollowedCustomerResponse.From(customer))
            : Problems.NotFound("customer");

    private static async Task<Results<Ok<ReassignmentResponse>, ValidationProblem, ProblemHttpResult>> Reassign(
        Guid customerId, ReassignRequest request, ReassignCustomer reassign, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.AssigneeId is null) errors.Add("assigneeId", "The staff member of the store who follows the customer up from now on.");
        TextFields.Check(request.Reason, "reason", TextLimits.Reason, required: true, "Why the customer changes hands.", errors);
        if (errors.Any) return Problems.Invalid(errors);
        return await reassign.HandleAsync(customerId, request.AssigneeId!.Value, request.Reason!.Trim(), cancellationToken)
            .AnswerAsync(r => TypedResults.Ok(ReassignmentResponse.From(r)));
    }

    private static async Task<Results<Ok<IReadOnlyList<ReassignmentResponse>>, ProblemHttpResult>> List(Guid customerId, FollowupDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken)) return Problems.NotFound("customer");
        var items = await db.Reassignments.AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.At).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReassignmentResponse>>(items.ConvertAll(ReassignmentResponse.From));
    }
}
