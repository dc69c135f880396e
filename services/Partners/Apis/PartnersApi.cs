namespace Crm.Partners.Apis;

/// <summary>Integration partners and their API keys (ChainAdmin).</summary>
public static class PartnersApi
{
    public static IEndpointRouteBuilder MapPartnersApi(this IEndpointRouteBuilder routes)
    {
        var partners = routes.MapGroup("/api/partners").WithTags("Partners").RequireRoles(StaffRoles.ChainAdmin);
        partners.MapPost("/", Create).WithSummary("Adds a partner: name, allowed stores, scopes (default leads:write and leads:read), webhook address, requests per minute (default 120). The webhook secret is shown in this answer only.");
        partners.MapGet("/", List).WithSummary("Every partner, with its keys (never the keys themselves).");
        partners.MapGet("/{id:guid}", Get).WithSummary("One partner with its keys.");
        partners.MapPut("/{id:guid}", Change).WithSummary("Changes a partner's terms. A new webhook address gets a new secret, shown in this answer only.");
        partners.MapDelete("/{id:guid}", Disable).WithSummary("Disables the partner: all its keys are refused from the next request. Its record and leads are kept.");
        partners.MapPost("/{id:guid}/keys", IssueKey).WithSummary("Issues a new key, shown this once as apiKey (only its hash is kept). A partner may hold several, to rotate without a gap.");
        partners.MapGet("/{id:guid}/keys", Keys).WithSummary("The partner's keys: first characters, label, created, last used, revoked.");
        partners.MapDelete("/{id:guid}/keys/{keyId:guid}", RevokeKey).WithSummary("Revokes a key: refused from the next request. The key stays on record.");
        partners.MapPost("/{id:guid}/webhook-secret", RotateSecret).WithSummary("Gives the partner a new webhook secret, shown in this answer only; webhooks are signed with it from now on.");
        return routes;
    }

    private static async Task<Results<Created<PartnerResponse>, ValidationProblem, ProblemHttpResult>> Create(
        PartnerRequest request, PartnerDbContext db, Arrivals arrivals, PartnerAdministration admin, CancellationToken cancellationToken)
    {
        if (await StoreOnItsWayAsync(request, db, arrivals, cancellationToken) is { } arriving) return Problems.Refused(arriving);
        var errors = request.Validate(await KnownStoresAsync(db, cancellationToken), out var terms);
        if (errors.Any) return Problems.Invalid(errors);
        return await admin.CreateAsync(terms, cancellationToken)
            .AnswerAsync(p => TypedResults.Created($"/api/partners/{p.Id}", PartnerResponse.From(p, [], showSecret: true)));
    }

    private static async Task<Results<Ok<ListPage<PartnerResponse>>, ValidationProblem>> List(int? page, int? pageSize, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var total = await db.Partners.LongCountAsync(cancellationToken);
        var partners = await db.Partners.AsNoTracking().OrderBy(p => p.Name).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var ids = partners.ConvertAll(p => p.Id);
        var keys = (await db.ApiKeys.AsNoTracking().Where(k => ids.Contains(k.PartnerId)).ToListAsync(cancellationToken)).ToLookup(k => k.PartnerId);
        return TypedResults.Ok(new ListPage<PartnerResponse>(partners.ConvertAll(p => PartnerResponse.From(p, keys[p.Id])), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<PartnerResponse>, ProblemHttpResult>> Get(Guid id, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return Problems.NotFound("partner");
        return TypedResults.Ok(PartnerResponse.From(partner, await KeysOfAsync(db, id, cancellationToken)));
    }

    private static async Task<Results<Ok<PartnerResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, PartnerRequest request, PartnerDbContext db, Arrivals arrivals, PartnerAdministration admin, CancellationToken cancellationToken)
    {
        if (await StoreOnItsWayAsync(request, db, arrivals, cancellationToken) is { } arriving) return Problems.Refused(arriving);
        var before = await db.Partners.AsNoTracking().Where(p => p.Id == id).Select(p => p.WebhookUrl).ToListAsync(cancellationToken);
        var errors = request.Validate(await KnownStoresAsync(db, cancellationToken), out var terms);
        if (errors.Any) return Problems.Invalid(errors);
        var keys = await KeysOfAsync(db, id, cancellationToken);
        return await admin.ChangeAsync(id, terms, cancellationToken)
            .AnswerAsync(p => TypedResults.Ok(PartnerResponse.From(p, keys, showSecret: before.Count == 1 && before[0] != p.WebhookUrl)));
    }

    private static async Task<Results<Ok<PartnerResponse>, ValidationProblem, ProblemHttpResult>> Disable(
        Guid id, PartnerDbContext db, PartnerAdministration admin, CancellationToken cancellationToken)
    {
        var keys = await KeysOfAsync(db, id, cancellationToken);
        return await admin.DisableAsync(id, cancellationToken).AnswerAsync(p => TypedResults.Ok(PartnerResponse.From(p, keys)));
    }

    private static async Task<Results<Created<NewKeyResponse>, ValidationProblem, ProblemHttpResult>> IssueKey(
        Guid id, NewKeyRequest? request, PartnerAdministration admin, CancellationToken cancellationToken)
    {
        if (request?.Label is { Length: > TextLimits.Name }) return Problems.Invalid("label", $"At most {TextLimits.Name} characters.");
        return await admin.IssueKeyAsync(id, request?.Label, cancellationToken).AnswerAsync(issued => TypedResults.Created(
            $"/api/partners/{id}/keys", new NewKeyResponse(issued.Key.Id, id, issued.Secret, issued.Key.Hint, issued.Key.Label, issued.Key.CreatedAt)));
    }

    private static async Task<Results<Ok<List<KeyResponse>>, ProblemHttpResult>> Keys(Guid id, PartnerDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, cancellationToken)) return Problems.NotFound("partner");
        return TypedResults.Ok((await KeysOfAsync(db, id, cancellationToken)).ConvertAll(KeyResponse.From));
    }

    private static async Task<Results<Ok<KeyResponse>, ValidationProblem, ProblemHttpResult>> RevokeKey(
        Guid id, Guid keyId, PartnerAdministration admin, CancellationToken cancellationToken) =>
        await admin.RevokeKeyAsync(id, keyId, cancellationToken).AnswerAsync(k => TypedResults.Ok(KeyResponse.From(k)));

    private static async Task<Results<Ok<WebhookSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecret(
        Guid id, PartnerAdministration admin, CancellationToken cancellationToken) =>
        await admin.RotateWebhookSecretAsync(id, cancellationToken).AnswerAsync(p => TypedResults.Ok(new WebhookSecretResponse(p.Id, p.WebhookSecret!)));

    /// <summary>A store opened a moment ago may not have reached this service yet: that is "try again shortly", not "no such store".</summary>
    private static async Task<Violation?> StoreOnItsWayAsync(PartnerRequest request, PartnerDbContext db, Arrivals arrivals, CancellationToken cancellationToken)
    {
        foreach (var store in (request.AllowedStores ?? []).Distinct())
            if (await arrivals.NotYetArrivedAsync(store, "store", ct => db.Stores.AnyAsync(s => s.Id == store, ct), cancellationToken) is { } arriving) return arriving;
        return null;
    }

    private static async Task<List<Guid>> KnownStoresAsync(PartnerDbContext db, CancellationToken cancellationToken) =>
        await db.Stores.Select(s => s.Id).ToListAsync(cancellationToken);

    private static Task<List<ApiKey>> KeysOfAsync(PartnerDbContext db, Guid partnerId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
}
