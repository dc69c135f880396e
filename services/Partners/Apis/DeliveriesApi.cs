namespace Crm.Partners.Apis;

/// <summary>A partner's webhook deliveries and every attempt at them (ChainAdmin); an exhausted delivery can be sent again.</summary>
public static class DeliveriesApi
{
    public sealed record DeliveryResponse(
        Guid Id, Guid PartnerId, Guid LeadId, string Event, DeliveryState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt,
        DateTimeOffset? DeliveredAt, string? LastError, DateTimeOffset? ReplayedAt, string? ReplayedBy)
    {
        public static DeliveryResponse From(WebhookDelivery d) => new(d.Id, d.PartnerId, d.LeadId, d.Event, d.State, d.Attempts, d.CreatedAt,
            d.State == DeliveryState.Pending ? d.NextAttemptAt : null, d.DeliveredAt, d.LastError, d.ReplayedAt, d.ReplayedBy);
    }

    public sealed record AttemptResponse(DateTimeOffset At, int DurationMs, int? StatusCode, string? Error);

    public sealed record DeliveryDetail(DeliveryResponse Delivery, string Body, IReadOnlyList<AttemptResponse> Attempts);

    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder routes)
    {
        var deliveries = routes.MapGroup("/api/partners/{partnerId:guid}/deliveries").WithTags("Webhook deliveries").RequireRoles(StaffRoles.ChainAdmin);
        deliveries.MapGet("/", List).WithSummary("The partner's webhook deliveries, newest first, by state (Pending, Delivered, Exhausted).");
        deliveries.MapGet("/{id:guid}", Get).WithSummary("One delivery, its body and every attempt: when, how long, the partner's answer or the error.");
        deliveries.MapPost("/{id:guid}/replay", Replay).WithSummary("Sends an exhausted delivery again, from the start of the retry schedule.");
        return routes;
    }

    private static async Task<Results<Ok<ListPage<DeliveryResponse>>, ValidationProblem>> List(
        Guid partnerId, string? state, int? page, int? pageSize, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var wanted = QueryEnum.Parse<DeliveryState>(state, "state", errors);
        if (errors.Any) return Problems.Invalid(errors);
        var query = db.Deliveries.AsNoTracking().Where(d => d.PartnerId == partnerId);
        if (wanted is not null) query = query.Where(d => d.State == wanted);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<DeliveryResponse>(items.ConvertAll(DeliveryResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<DeliveryDetail>, ProblemHttpResult>> Get(Guid partnerId, Guid id, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.PartnerId == partnerId, cancellationToken);
        if (delivery is null) return Problems.NotFound("delivery");
        var attempts = await db.DeliveryAttempts.AsNoTracking().Where(a => a.DeliveryId == id).OrderBy(a => a.At)
            .Select(a => new AttemptResponse(a.At, a.DurationMs, a.StatusCode, a.Error)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DeliveryDetail(DeliveryResponse.From(delivery), delivery.Body, attempts));
    }

    private static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> Replay(
        Guid partnerId, Guid id, PartnerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id && d.PartnerId == partnerId, cancellationToken);
        if (delivery is null) return Problems.NotFound("delivery");
        if (!delivery.Replay(scope.ActorName, clock.GetUtcNow()))
            return Problems.Conflict("not-exhausted", $"Only a delivery that exhausted its retries is sent again; this one is {delivery.State}.");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(DeliveryResponse.From(delivery));
    }
}
