using System.Text.Json;

namespace Crm.Followups.Apis;

/// <summary>Follow-up records (domain.md §4): written, listed, and completing the tasks they answer.</summary>
public static class FollowUpsApi
{
    public sealed record FollowUpRequest(
        Guid? CustomerId, string? Purpose, DateTimeOffset? At, FollowUpForm? Form, string? Content, string? Summary, string? Intent, DateTimeOffset? NextAt,
        JsonElement? Changes = null)
    {
        public FieldErrors Check()
        {
            var errors = new FieldErrors();
            if (CustomerId is null) errors.Add("customerId", "The customer followed up.");
            TextFields.Check(Purpose, "purpose", TextLimits.Line, required: true, "Why the customer was followed up.", errors);
            if (Form is null) errors.Add("form", $"How: one of {string.Join(", ", Enum.GetNames<FollowUpForm>())}.");
            TextFields.Check(Content, "content", TextLimits.Text, required: true, "What was said or done.", errors);
            TextFields.Check(Summary, "summary", TextLimits.Reason, required: true, "The outcome in a sentence or two.", errors);
            TextFields.Check(Intent, "intent", TextLimits.Line, required: false, "", errors);
            if (Changes is { ValueKind: not JsonValueKind.Null } changes) BasicInfoChanges.Check(changes, errors);
            return errors;
        }

        public FollowUpRecord.Draft ToDraft(DateTimeOffset now) =>
            new(Purpose!.Trim(), At ?? now, Form!.Value, Content!.Trim(), Summary!.Trim(), string.IsNullOrWhiteSpace(Intent) ? null : Intent.Trim(), NextAt,
                Changes is { ValueKind: JsonValueKind.Object } changes ? changes : null);
    }

    public sealed record FollowUpResponse(
        Guid Id, Guid StoreId, Guid CustomerId, string CustomerNo, string Purpose, DateTimeOffset At, FollowUpForm Form, string Content, string Summary,
        string? Intent, DateTimeOffset? NextAt, JsonElement? Changes, Guid RecordedById, string RecordedBy, DateTimeOffset RecordedAt)
    {
        public static FollowUpResponse From(FollowUpRecord r) =>
            new(r.Id, r.StoreId, r.CustomerId, r.CustomerNo, r.Purpose, r.At, r.Form, r.Content, r.Summary, r.Intent, r.NextAt, r.Changes, r.RecordedById, r.RecordedByName, r.RecordedAt);
    }

    public sealed record CompleteRequest(Guid? FollowUpId);

    public static IEndpointRouteBuilder MapFollowUpsApi(this IEndpointRouteBuilder routes)
    {
        var followUps = routes.MapGroup("/api/followups").WithTags("Follow-ups").RoutedToStoreShard(
            StoreShardRouting.By<FollowupDbContext>("customerId", FollowedCustomersApi.StoreOfAsync));
        // A home consultant follows up the customers they are named on, and reads those customers' records.
        string[] followers = [.. StaffRoles.StoreStaff, StaffRoles.HomeConsultant];
        followUps.MapPost("/", Record).WithSummary("Records a follow-up; its next date becomes the customer's next follow-up task; changes of basic information it carries go to the customer's change log.").RequireRoles(followers);
        followUps.MapGet("/", List).WithSummary("Lists follow-up records by customer, store, period and who recorded them.").RequireRoles(followers);
        routes.MapGroup("/api/followups/tasks/{id:guid}/complete").RoutedToStoreShard<FollowupDbContext>(TasksApi.StoreOfAsync).MapPost("/", Complete).WithTags("Follow-up tasks").WithSummary("Completes a task with the follow-up record that answered it.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Created<FollowUpResponse>, ValidationProblem, ProblemHttpResult>> Record(
        FollowUpRequest request, RecordFollowUp record, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.Check() is { Any: true } errors) return Problems.Invalid(errors);
        return await record.HandleAsync(request.CustomerId!.Value, request.ToDraft(clock.GetUtcNow()), cancellationToken)
            .AnswerAsync(r => TypedResults.Created($"/api/followups?customerId={r.CustomerId}", FollowUpResponse.From(r)));
    }

    private static async Task<Results<Ok<ListPage<FollowUpResponse>>, ValidationProblem>> List(
        Guid? customerId, Guid? storeId, DateTimeOffset? from, DateTimeOffset? to, Guid? by, int? page, int? pageSize,
        FollowupDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        IQueryable<FollowUpRecord> Query(FollowupDbContext shard)
        {
            var query = shard.Records.AsNoTracking();
            if (scope.ConsultantId is { } consultant) query = query.Where(r => shard.CustomersOfConsultant(consultant).Contains(r.CustomerId));
            if (customerId is not null) query = query.Where(r => r.CustomerId == customerId);
            if (storeId is not null) query = query.Where(r => r.StoreId == storeId);
            if (from?.ToUniversalTime() is { } since) query = query.Where(r => r.At >= since);
            if (to?.ToUniversalTime() is { } until) query = query.Where(r => r.At < until);
            if (by is not null) query = query.Where(r => r.RecordedById == by);
            return query;
        }
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId ?? customerId, Query,
            records => records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<FollowUpResponse>(items.ConvertAll(FollowUpResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<TasksApi.TaskResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CompleteRequest request, CompleteTask complete, CancellationToken cancellationToken)
    {
        if (request.FollowUpId is not { } followUp) return Problems.Invalid("followUpId", "The follow-up record that answered the task.");
        return await complete.HandleAsync(id, followUp, cancellationToken).AnswerAsync(t => TypedResults.Ok(TasksApi.TaskResponse.From(t)));
    }
}
