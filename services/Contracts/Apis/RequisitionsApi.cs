using System.Globalization;

namespace Crm.Contracts.Apis;

/// <summary>The monthly requisition of forms (领取): the recommendation, and the requisitions made.</summary>
public static class RequisitionsApi
{
    private static readonly string[] Requisitioners = StaffRoles.StoreStaff;

    public sealed record RecommendationResponse(Guid StoreId, string Month, int Recommended, int InStock, decimal ExpectedSignings, decimal Margin);

    public sealed record RequisitionRequest(Guid? StoreId, string? Month, int? Quantity, int? ExpectedSignings, string? Note);

    public sealed record RequisitionResponse(Guid Id, Guid StoreId, string Month, int Quantity, int Recommended, string? Note, string RequestedBy, DateTimeOffset RequestedAt)
    {
        public static RequisitionResponse From(Requisition r) =>
            new(r.Id, r.StoreId, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Quantity, r.Recommended, r.Note, r.RequestedBy, r.RequestedAt);
    }

    public static IEndpointRouteBuilder MapRequisitionsApi(this IEndpointRouteBuilder routes)
    {
        var requisitions = routes.MapGroup("/api/contracts/requisitions").WithTags("Requisitions").RoutedToStoreShard<ContractDbContext>();
        requisitions.MapGet("/recommendation", Recommend).WithSummary("How many forms to ask for a month: expected signings × (1 + margin) − stock.").RequireRoles(Requisitioners);
        requisitions.MapPost("/", Request).WithSummary("Records the store's requisition of forms for a month.").RequireRoles(Requisitioners);
        requisitions.MapGet("/", List).WithSummary("The store's requisitions, the latest first.").RequireRoles(Requisitioners);
        return routes;
    }

    private static async Task<Results<Ok<RecommendationResponse>, ValidationProblem, ProblemHttpResult>> Recommend(
        Guid? storeId, string? month, int? expectedSignings, RecommendRequisition recommend, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(storeId);
        if (store is null) errors.Add("storeId", "The store is required.");
        var target = ParseMonth(month, "month", errors);
        if (expectedSignings is < 0 or > 100_000) errors.Add("expectedSignings", "From 0 to 100000.");
        if (errors.Any) return Problems.Invalid(errors);
        return await recommend.HandleAsync(store!.Value, target, expectedSignings, cancellationToken).AnswerAsync(r => TypedResults.Ok(new RecommendationResponse(
            store.Value, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            r.Recommendation.Recommended, r.Recommendation.InStock, r.Recommendation.ExpectedSignings, r.Recommendation.Margin)));
    }

    private static async Task<Results<Created<RequisitionResponse>, ValidationProblem, ProblemHttpResult>> Request(
        RequisitionRequest request, RequestRequisition requisition, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(request.StoreId);
        if (store is null) errors.Add("storeId", "The store is required.");
        var month = ParseMonth(request.Month, "month", errors);
        if (request.Month is null) errors.Add("month", "The month the forms are for (yyyy-MM).");
        if (request.Quantity is null or < 1 or > 100_000) errors.Add("quantity", "How many forms: from 1 to 100000.");
        if (request.ExpectedSignings is < 0 or > 100_000) errors.Add("expectedSignings", "From 0 to 100000.");
        if (request.Note is { Length: > TextLimits.Reason }) errors.Add("note", $"At most {TextLimits.Reason} characters.");
        if (errors.Any) return Problems.Invalid(errors);
        var command = new RequestRequisition.Command(store!.Value, month!.Value, request.Quantity!.Value, request.ExpectedSignings, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
        return await requisition.HandleAsync(command, cancellationToken)
            .AnswerAsync(r => TypedResults.Created($"/api/contracts/requisitions?storeId={r.StoreId}", RequisitionResponse.From(r)));
    }

    private static async Task<Results<Ok<ListPage<RequisitionResponse>>, ValidationProblem>> List(
        Guid? storeId, int? page, int? pageSize, ContractDbContext db, ShardRoute route, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId,
            shard => storeId is null ? shard.Requisitions.AsNoTracking() : shard.Requisitions.AsNoTracking().Where(r => r.StoreId == storeId),
            requisitions => requisitions.OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id), paging, cancellationToken);
        return TypedResults.Ok(new ListPage<RequisitionResponse>(items.ConvertAll(RequisitionResponse.From), paging.Page, paging.PageSize, total));
    }

    private static DateOnly? ParseMonth(string? text, string field, FieldErrors errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100)
            return month;
        errors.Add(field, "A month: yyyy-MM, e.g. 2026-12.");
        return null;
    }
}
