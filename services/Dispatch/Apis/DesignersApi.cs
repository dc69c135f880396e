namespace Crm.Dispatch.Apis;

/// <summary>The store's designer roster: who they are, their duty on a day, what they hold, and every change.</summary>
public static class DesignersApi
{
    private static readonly string[] RosterKeepers = [StaffRoles.ChainAdmin, StaffRoles.StoreManager];

    public static IEndpointRouteBuilder MapDesignersApi(this IEndpointRouteBuilder routes)
    {
        var designers = routes.MapGroup("/api/dispatch/designers").WithTags("Designers");
        designers.MapGet("/", List).WithSummary("Lists the roster with each designer's status and today's duty.").RequireRoles(StaffRoles.StoreStaff);
        designers.MapGet("/{id:guid}", Get).WithSummary("Reads one designer.").RequireRoles(StaffRoles.StoreStaff);
        designers.MapPost("/", Create).WithSummary("Adds a designer to a store's roster.").RequireRoles(RosterKeepers);
        designers.MapPatch("/{id:guid}", Edit).WithSummary("Edits a designer's name, level, fee, styles or notes; the history keeps the change.").RequireRoles(RosterKeepers);
        designers.MapPut("/{id:guid}/duty", DesignerStatusApi.RecordDuty).WithSummary("Records whether the designer is on duty on a day (the morning meeting's attendance).").RequireRoles(StaffRoles.StoreStaff);
        designers.MapPost("/{id:guid}/suspend", DesignerStatusApi.Suspend).WithSummary("Suspends the designer through a day, with a reason.").RequireRoles(RosterKeepers);
        designers.MapPost("/{id:guid}/remove", DesignerStatusApi.Remove).WithSummary("Removes the designer from the roster, with a reason.").RequireRoles(RosterKeepers);
        designers.MapPost("/{id:guid}/reinstate", DesignerStatusApi.Reinstate).WithSummary("Reinstates a suspended, removed or flagged designer, with a reason.").RequireRoles(RosterKeepers);
        designers.MapGet("/{id:guid}/holdings", DesignerStatusApi.Holdings).WithSummary("What the designer holds and which proposals stall.").RequireRoles([.. StaffRoles.StoreStaff, StaffRoles.Designer]);
        designers.MapGet("/{id:guid}/history", DesignerStatusApi.History).WithSummary("Every change of the designer's roster entry and status.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<ListPage<DesignerResponse>>, ValidationProblem>> List(
        Guid? storeId, int? page, int? pageSize, DispatchDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = db.Designers.AsNoTracking();
        if (storeId is not null) query = query.Where(d => d.StoreId == storeId);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query.OrderBy(d => d.Name).ThenBy(d => d.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var days = await TodayByStoreAsync(db, items.Select(d => d.StoreId), clock, cancellationToken);
        var ids = items.ConvertAll(d => d.Id);
        var dates = days.Values.Distinct().ToList();
        var off = await db.Duties.AsNoTracking().Where(d => ids.Contains(d.DesignerId) && dates.Contains(d.Day) && !d.OnDuty)
            .Select(d => new { d.DesignerId, d.Day }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<DesignerResponse>(
            items.ConvertAll(d => DesignerResponse.From(d, days[d.StoreId], !off.Contains(new { DesignerId = d.Id, Day = days[d.StoreId] }))), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<DesignerResponse>, ProblemHttpResult>> Get(Guid id, DispatchDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var designer = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (designer is null) return Problems.NotFound("designer");
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == designer.StoreId, cancellationToken);
        var today = store.LocalDate(clock.GetUtcNow());
        return TypedResults.Ok(DesignerResponse.From(designer, today, await db.OnDutyAsync(designer.Id, today, cancellationToken)));
    }

    private static async Task<Results<Created<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Create(
        DesignerRequest request, DispatchDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        request = request with { StoreId = scope.StoreOr(request.StoreId) };
        var errors = request.Check(creating: true);
        if (request.StoreId is null) errors.Add("storeId", "The store is required.");
        if (errors.Any) return Problems.Invalid(errors);
        // A store opened a moment ago may not have reached dispatch yet.
        if (await db.StoreProblemAsync(arrivals, request.StoreId!.Value, cancellationToken) is { StatusCode: StatusCodes.Status503ServiceUnavailable } arriving) return arriving;

        return await StoreTransaction.RunAsync<Results<Created<DesignerResponse>, ValidationProblem, ProblemHttpResult>>(
            db, request.StoreId!.Value, Problems.Invalid("storeId", "No store with that id."), cancellationToken, async store =>
        {
            var now = clock.GetUtcNow();
            var designer = Designer.Join(store.Id, request.Name!.Trim(), request.Level!.Value, request.ChargesDesignFee ?? false, request.TidyStyles([]), request.Notes?.Trim());
            // Under the store's lock, so that two designers joining at once get different numbers.
            var rosterNumber = await db.Designers.CountAsync(d => d.StoreId == store.Id, cancellationToken) + 1;
            db.Designers.Add(designer);
            db.DesignerHistory.Add(DesignerHistory.Record(designer, "Joined", Describe(designer), null, scope.ActorName, now));
            db.Publish(designer.ToJoinedEvent(rosterNumber), clock);
            return TypedResults.Created($"/api/dispatch/designers/{designer.Id}", DesignerResponse.From(designer, store.LocalDate(now), onDutyToday: true));
        });
    }

    private static async Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid id, DesignerRequest request, DispatchDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = request.Check(creating: false);
        if (request.StoreId is not null) errors.Add("storeId", "A designer cannot move to another store; add them to the other store's roster.");
        if (errors.Any) return Problems.Invalid(errors);
        var found = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (found is null) return Problems.NotFound("designer");

        return await StoreTransaction.RunAsync<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>>(
            db, found.StoreId, Problems.NotFound("designer"), cancellationToken, async store =>
        {
            var now = clock.GetUtcNow();
            var designer = await db.Designers.SingleAsync(d => d.Id == id, cancellationToken);
            var before = Describe(designer);
            designer.Edit(request.Name?.Trim() ?? designer.Name, request.Level ?? designer.Level, request.ChargesDesignFee ?? designer.ChargesDesignFee,
                request.TidyStyles(designer.Styles), request.Notes is null ? designer.Notes : request.Notes.Trim());
            var after = Describe(designer);
            if (before != after) db.DesignerHistory.Add(DesignerHistory.Record(designer, "Edited", $"{before} → {after}", null, scope.ActorName, now));
            var today = store.LocalDate(now);
            return TypedResults.Ok(DesignerResponse.From(designer, today, await db.OnDutyAsync(designer.Id, today, cancellationToken)));
        });
    }

    /// <summary>On duty unless the day's morning meeting recorded the designer as away.</summary>
    internal static async Task<bool> OnDutyAsync(this DispatchDbContext db, Guid designerId, DateOnly day, CancellationToken cancellationToken) =>
        !await db.Duties.AnyAsync(d => d.DesignerId == designerId && d.Day == day && !d.OnDuty, cancellationToken);

    internal static string Describe(Designer d) =>
        $"{d.Name}, {d.Level}, {(d.ChargesDesignFee ? "charges a design fee" : "no design fee")}, styles: {string.Join("/", d.Styles)}, notes: {d.Notes ?? "—"}";

    internal static async Task<Dictionary<Guid, DateOnly>> TodayByStoreAsync(DispatchDbContext db, IEnumerable<Guid> storeIds, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ids = storeIds.Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return stores.ToDictionary(s => s.Id, s => s.LocalDate(now));
    }
}
