namespace Crm.Followups.Apis;

/// <summary>Who follows a customer up: the store gives the customer, and their open tasks, to another staff member.</summary>
public static class AssigneesApi
{
    public sealed record ReassignRequest(Guid? AssigneeId, string? Reason);

    public sealed record ReassignmentResponse(
        Guid Id, Guid CustomerId, Guid? FromId, string? FromName, Guid ToId, string ToName, string Reason, int TasksMoved, string By, DateTimeOffset At)
    {
        public static ReassignmentResponse From(Reassignment r) => new(r.Id, r.CustomerId, r.FromId, r.FromName, r.ToId, r.ToName, r.Reason, r.TasksMoved, r.By, r.At);
    }

    public static IEndpointRouteBuilder MapAssigneesApi(this IEndpointRouteBuilder routes)
    {
        var customer = routes.MapGroup("/api/followups/customers/{customerId:guid}").WithTags("Follow-up tasks");
        customer.MapPut("/assignee", Reassign).WithSummary("Gives the customer's follow-ups and open tasks to another staff member of the store, with a reason.")
            .RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        customer.MapGet("/reassignments", List).WithSummary("Every reassignment of the customer's follow-ups: from whom, to whom, who, when and why.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

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
