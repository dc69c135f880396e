namespace Crm.Dispatch.Apis;

/// <summary>The store's designer roster: who they are, their duty on a day, what they hold, and every change.</summary>
public static class DesignersApi
{
    private static readonly string[] RosterKeepers = [StaffRoles.ChainAdmin, StaffRoles.StoreManager];

    public static IEndpointRouteBuilder MapDesignersApi(this IEndpointRouteBuilder routes)
    {
        var designers = routes.MapGroup("/api/dispatch/designers").WithTags("Designers").RoutedToStoreShard<DispatchDbContext>(StoreOfAsync);
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

    /// <summary>The store of a designer, on the shard the context is on.</summary>
    public static Task<Guid?> StoreOfAsync(DispatchDbContext db, Guid designerId, CancellationToken cancellationToken) =>
        db.Designers.IgnoreQueryFilters().Where(d => d.Id == designerId).Select(d => (Guid?)d.StoreId).FirstOrDefaultAsync(cancellationToken);

    private static async Task<Results<Ok<ListPage<DesignerResponse>>, ValidationProblem>> List(
        Guid? storeId, int? page, int? pageSize, DispatchDbContext db, ShardRoute route, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        // Each row's day and duty are read on its own shard.
        var now = clock.GetUtcNow();
        var (items, total) = await db.PageOnEveryShardIfChainAsync(route, scope, storeId,
            shard => storeId is null ? shard.Designers.AsNoTracking() : shard.Designers.AsNoTracking().Where(d => d.StoreId == storeId),
            designers => designers.OrderBy(d => d.Name).ThenBy(d => d.Id),
            async (shard, page) =>
            {
                var days = await shard.TodayByStoreAsync(page.Select(d => d.StoreId), now, cancellationToken);
                var ids = page.ConvertAll(d => d.Id);
                var dates = days.Values.Distinct().ToList();
                var off = await shard.Duties.AsNoTracking().Where(d => ids.Contains(d.DesignerId) && dates.Contains(d.Day) && !d.OnDuty)
                    .Select(d => new { d.DesignerId, d.Day }).ToListAsync(cancellationToken);
                return page.ConvertAll(d => DesignerResponse.From(d, days[d.StoreId], !off.Contains(new { DesignerId = d.Id, Day = days[d.StoreId] })));
            },
            paging, cancellationToken);
        return TypedResults.Ok(new ListPage<DesignerResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<DesignerResponse>, ProblemHttpResult>> Get(Guid id, DispatchDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var designer = await db.Designers.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (designer is null) return Problems.NotFound("designer");
        var store = await db.Stores.AsNoTracking().SingleAsync(s => s.Id == designer.StoreId, cancellationToken);
        return TypedResults.Ok(DesignerResponse.From(await db.OnDayAsync(designer, store.LocalDate(clock.GetUtcNow()), cancellationToken)));
    }

    private static async Task<Results<Created<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Create(
        DesignerRequest request, AddDesigner add, StoreScope scope, CancellationToken cancellationToken)
    {
        request = request with { StoreId = scope.StoreOr(request.StoreId) };
        var errors = request.Check(creating: true);
        if (request.StoreId is null) errors.Add("storeId", "The store is required.");
        if (errors.Any) return Problems.Invalid(errors);
        return await add.HandleAsync(request.ToAddCommand(), cancellationToken)
            .AnswerAsync(d => TypedResults.Created($"/api/dispatch/designers/{d.Designer.Id}", DesignerResponse.From(d)));
    }

    private static async Task<Results<Ok<DesignerResponse>, ValidationProblem, ProblemHttpResult>> Edit(
        Guid id, DesignerRequest request, EditDesigner edit, CancellationToken cancellationToken)
    {
        var errors = request.Check(creating: false);
        if (request.StoreId is not null) errors.Add("storeId", "A designer cannot move to another store; add them to the other store's roster.");
        if (errors.Any) return Problems.Invalid(errors);
        return await edit.HandleAsync(request.ToEditCommand(id), cancellationToken).AnswerAsync(d => TypedResults.Ok(DesignerResponse.From(d)));
    }
}
