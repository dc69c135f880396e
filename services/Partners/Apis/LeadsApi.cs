namespace Crm.Partners.Apis;

/// <summary>
/// Leads: a partner sends them and reads the status of its own; the chain (ChainAdmin, marketing) reads them all.
/// Another partner's lead is answered 404, as if it did not exist.
/// </summary>
public static class LeadsApi
{
    private static readonly string[] ChainReaders = [StaffRoles.ChainAdmin, StaffRoles.Marketing];

    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder routes)
    {
        var leads = routes.MapGroup("/api/leads").WithTags("Leads");
        leads.MapPost("/", Submit).RequireRoles(PartnerAccess.PartnerRole)
            .WithSummary("Sends a lead (partner key, scope leads:write). Idempotent by externalId: sending the same externalId again answers the lead already received, whatever the body.")
            .WithDescription("Routed to `storeId` if your key may use that store, else by `city` to one of your stores in that city. Validated like a registration: `400` names each field. A phone already known in the chain answers status `Duplicate` and nothing else about it. Answers `202`: the store registers the customer a moment later; `customerNo` appears then.");
        leads.MapGet("/{leadId:guid}", Get).RequireRoles([PartnerAccess.PartnerRole, .. ChainReaders])
            .WithSummary("The status of one of your leads and how it moved (partner key, scope leads:read). Another partner's lead: 404.");
        leads.MapGet("/", List).RequireRoles([PartnerAccess.PartnerRole, .. ChainReaders])
            .WithSummary("Your leads, newest first (a partner sees its own; ChainAdmin and marketing see all), by status, store and the day received.");
        return routes;
    }

    private static async Task<Results<Accepted<LeadAnswer>, ValidationProblem, ProblemHttpResult>> Submit(
        LeadRequest request, HttpContext http, PartnerDbContext db, ReceiveLead receive, CancellationToken cancellationToken)
    {
        var (partner, refusal) = await CallingPartnerAsync(http, db, PartnerScopes.SubmitLeads, cancellationToken);
        if (partner is null) return refusal!;
        var errors = request.Validate(out var draft);
        if (errors.Any) return Problems.Invalid(errors);
        return await receive.HandleAsync(Supplier.Of(partner), partner.AllowedStores, draft, request.StoreId, request.City, cancellationToken)
            .AnswerAsync(lead => TypedResults.Accepted($"/api/leads/{lead.Id}", LeadAnswer.From(lead)));
    }

    private static async Task<Results<Ok<LeadView>, ProblemHttpResult>> Get(Guid leadId, HttpContext http, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var (leads, refusal) = await VisibleLeadsAsync(http, db, cancellationToken);
        if (leads is null) return refusal!;
        var lead = await leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null) return Problems.NotFound("lead");
        var history = await db.LeadStatusChanges.AsNoTracking().Where(c => c.LeadId == leadId).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new LeadStatusStep(c.From, c.To, c.At)).ToListAsync(cancellationToken);
        var storeName = await db.Stores.Where(s => s.Id == lead.StoreId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return TypedResults.Ok(new LeadView(lead.Id, lead.ExternalId, lead.StoreId, storeName, lead.Status, lead.CustomerNo, lead.ReceivedAt, lead.StatusChangedAt, lead.SupplierName, history));
    }

    private static async Task<Results<Ok<ListPage<LeadAnswer>>, ValidationProblem, ProblemHttpResult>> List(
        string? status, Guid? storeId, DateOnly? receivedFrom, DateOnly? receivedTo, int? page, int? pageSize,
        HttpContext http, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        var wanted = QueryEnum.Parse<LeadStatus>(status, "status", errors);
        QueryDays.Check(receivedFrom, "receivedFrom", errors);
        QueryDays.Check(receivedTo, "receivedTo", errors);
        if (errors.Any) return Problems.Invalid(errors);
        var (leads, refusal) = await VisibleLeadsAsync(http, db, cancellationToken);
        if (leads is null) return refusal!;
        if (wanted is not null) leads = leads.Where(l => l.Status == wanted);
        if (storeId is not null) leads = leads.Where(l => l.StoreId == storeId);
        // Days are China Standard Time, the chain's stores' day.
        if (receivedFrom is { } from) { var start = DayStart(from); leads = leads.Where(l => l.ReceivedAt >= start); }
        if (receivedTo is { } to) { var end = DayStart(to.AddDays(1)); leads = leads.Where(l => l.ReceivedAt < end); }
        var total = await leads.LongCountAsync(cancellationToken);
        var items = await leads.OrderByDescending(l => l.ReceivedAt).ThenByDescending(l => l.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<LeadAnswer>(items.ConvertAll(LeadAnswer.From), paging.Page, paging.PageSize, total));
    }

    private static DateTimeOffset DayStart(DateOnly day) => StoreDays.StartOf(StoreCopy.DefaultTimeZone, day);

    /// <summary>
    /// The calling partner, checked against this service's own records on every request: a revoked key or a disabled
    /// partner is refused here at once (401), even while the gateway still remembers the key; a key without the scope is 403.
    /// </summary>
    internal static async Task<(Partner? Partner, ProblemHttpResult? Refusal)> CallingPartnerAsync(HttpContext http, PartnerDbContext db, string scope, CancellationToken cancellationToken)
    {
        if (PartnerAccess.Caller(http) is not { } caller) return (null, Problems.Forbidden("Only a partner's API key may do this.", "partner-only"));
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == caller.PartnerId, cancellationToken);
        var keyLive = await db.ApiKeys.AnyAsync(k => k.Id == caller.KeyId && k.PartnerId == caller.PartnerId && k.RevokedAt == null, cancellationToken);
        if (partner is not { Enabled: true } || !keyLive)
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The API key is not valid.", detail: "The key is revoked, or its partner is disabled."));
        if (!partner.May(scope)) return (null, Problems.Forbidden($"This key may not do this: it lacks the scope {scope}.", "scope-missing"));
        return (partner, null);
    }

    /// <summary>The leads the caller may read: a partner its own, the chain all.</summary>
    private static async Task<(IQueryable<Lead>? Leads, ProblemHttpResult? Refusal)> VisibleLeadsAsync(HttpContext http, PartnerDbContext db, CancellationToken cancellationToken)
    {
        if (PartnerAccess.Caller(http) is null) return (db.Leads.AsNoTracking(), null);
        var (partner, refusal) = await CallingPartnerAsync(http, db, PartnerScopes.ReadLeads, cancellationToken);
        return partner is null ? (null, refusal) : (db.Leads.AsNoTracking().Where(l => l.PartnerId == partner.Id), null);
    }
}
