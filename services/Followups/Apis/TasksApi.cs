using Microsoft.AspNetCore.Mvc;

namespace Crm.Followups.Apis;

/// <summary>Follow-up tasks: what is due today and overdue, per store, per assignee and per kind, and the morning meeting's counts.</summary>
public static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder routes)
    {
        var tasks = routes.MapGroup("/api/followups/tasks").WithTags("Follow-up tasks").RoutedToStoreShard(
            StoreShardRouting.By<FollowupDbContext>("customerId", FollowedCustomersApi.StoreOfAsync));
        tasks.MapGet("/", List).WithSummary("Lists tasks by store, customer, assignee (mine=true: the caller's) and kind; due=today|overdue|todayOrOverdue|open|all in each store's own day.").RequireRoles(StaffRoles.StoreStaff);
        tasks.MapGet("/export", Export).WithSummary("The same list as a file: format=csv (UTF-8 with BOM) or xlsx.").RequireRoles(StaffRoles.StoreStaff)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        tasks.MapGet("/summary", Summary).WithSummary("Per assignee: done today, due today and overdue, for the morning meeting.").RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    /// <summary>The store of a task, on the shard the context is on.</summary>
    public static Task<Guid?> StoreOfAsync(FollowupDbContext db, Guid taskId, CancellationToken cancellationToken) =>
        db.Tasks.IgnoreQueryFilters().Where(t => t.Id == taskId).Select(t => (Guid?)t.StoreId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Which tasks by due day, in each store's own day: todayOrOverdue is a customer manager's work of the day.</summary>
    public enum DueFilter { All, Open, Today, Overdue, TodayOrOverdue }

    public sealed record TaskResponse(
        Guid Id, Guid StoreId, Guid CustomerId, string CustomerNo, FollowUpTaskKind Kind, DateOnly DueOn, string Reason, Guid? AssigneeId, string? AssigneeName,
        DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, Guid? FollowUpId, DateTimeOffset? ClosedAt, string? ClosedReason)
    {
        public static TaskResponse From(FollowUpTask t) =>
            new(t.Id, t.StoreId, t.CustomerId, t.CustomerNo, t.Kind, t.DueOn, t.Reason, t.AssigneeId, t.AssigneeName, t.CreatedAt, t.CompletedAt, t.FollowUpId, t.ClosedAt, t.ClosedReason);
    }

    public sealed record AssigneeCounts(Guid? AssigneeId, string? AssigneeName, int DoneToday, int DueToday, int Overdue);

    /// <summary>The filters of a task list, as the query string gives them.</summary>
    public sealed record TaskFilter(
        [FromQuery(Name = "storeId")] Guid? StoreId, [FromQuery(Name = "customerId")] Guid? CustomerId, [FromQuery(Name = "assigneeId")] Guid? AssigneeId,
        [FromQuery(Name = "due")] string? Due, [FromQuery(Name = "kind")] string? Kind, [FromQuery(Name = "mine")] bool? Mine)
    {
        public async Task<IQueryable<FollowUpTask>?> QueryAsync(FollowupDbContext db, StoreScope scope, DateTimeOffset now, FieldErrors errors, CancellationToken cancellationToken)
        {
            var when = QueryEnum.Parse<DueFilter>(Due, "due", errors) ?? DueFilter.All;
            var ofKind = QueryEnum.Parse<FollowUpTaskKind>(Kind, "kind", errors);
            if (errors.Any) return null;
            var query = await InTheirDayAsync(db, StoreId, when, now, cancellationToken);
            if (CustomerId is not null) query = query.Where(t => t.CustomerId == CustomerId);
            if (AssigneeId is not null) query = query.Where(t => t.AssigneeId == AssigneeId);
            if (Mine == true)
            {
                var me = Guid.TryParse(scope.UserId, out var id) ? id : Guid.Empty;
                query = query.Where(t => t.AssigneeId == me);
            }
            if (ofKind is not null) query = query.Where(t => t.Kind == ofKind);
            return query.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id);
        }
    }

    private static async Task<Results<Ok<ListPage<TaskResponse>>, ValidationProblem>> List(
        [AsParameters] TaskFilter filter, int? page, int? pageSize, FollowupDbContext db, ShardRoute route, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var now = clock.GetUtcNow();
        // Each shard's first tasks of the list, in the list's order; the page is cut from them all.
        var chain = !route.Shards.Single && ShardFanOut.CoversChain(scope, filter.StoreId ?? filter.CustomerId);
        long total = 0;
        var firsts = await db.OnEveryShardIfChainAsync(route, scope, filter.StoreId ?? filter.CustomerId, async shard =>
        {
            var query = await filter.QueryAsync(shard, scope, now, errors, cancellationToken);
            if (query is null) return new List<FollowUpTask>();
            total += await query.LongCountAsync(cancellationToken);
            return await (chain ? query.Take(paging.Skip + paging.PageSize) : query.Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(cancellationToken);
        });
        if (errors.Any) return Problems.Invalid(errors);
        var items = chain ? [.. firsts.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).Skip(paging.Skip).Take(paging.PageSize)] : firsts;
        return TypedResults.Ok(new ListPage<TaskResponse>(items.ConvertAll(TaskResponse.From), paging.Page, paging.PageSize, total));
    }

    /// <summary>At most this many rows in one file: a store's whole history of tasks fits many times over.</summary>
    public const int MaxExportRows = 100_000;

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(
        [AsParameters] TaskFilter filter, string? format, FollowupDbContext db, ShardRoute route, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.ParseFile(format, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var now = clock.GetUtcNow();
        var stores = new Dictionary<Guid, FollowupStore>();
        var found = await db.OnEveryShardIfChainAsync(route, scope, filter.StoreId ?? filter.CustomerId, async shard =>
        {
            var query = await filter.QueryAsync(shard, scope, now, errors, cancellationToken);
            if (query is null) return new List<FollowUpTask>();
            foreach (var store in await shard.Stores.AsNoTracking().ToListAsync(cancellationToken)) stores[store.Id] = store;
            return await query.Take(MaxExportRows).ToListAsync(cancellationToken);
        });
        if (errors.Any) return Problems.Invalid(errors);
        var tasks = found.OrderBy(t => t.DueOn).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(MaxExportRows).ToList();
        var table = new ExportTable("回访任务", ["门店", "客户编号", "类型", "到期日", "原因", "负责人", "创建时间", "完成时间", "回访记录", "关闭时间", "关闭原因"],
            tasks.ConvertAll(t =>
            {
                var store = stores[t.StoreId];
                return new object?[] { store.Name, t.CustomerNo, t.Kind.ToString(), t.DueOn.ToString("yyyy-MM-dd"), t.Reason, t.AssigneeName, store.LocalTime(t.CreatedAt),
                    t.CompletedAt is { } done ? store.LocalTime(done) : null, t.FollowUpId, t.ClosedAt is { } closed ? store.LocalTime(closed) : null, t.ClosedReason };
            }));
        var due = string.IsNullOrWhiteSpace(filter.Due) ? "all" : filter.Due.ToLowerInvariant();
        return await table.ToFileAsync(file!.Value, $"followup-tasks-{due}-{clock.GetUtcNow():yyyyMMdd}", cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<AssigneeCounts>>> Summary(
        Guid? storeId, FollowupDbContext db, ShardRoute route, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Each shard counts its own stores' people; a person works in one store, so on one shard.
        var counts = await db.OnEveryShardIfChainAsync(route, scope, storeId, shard => SummaryAsync(storeId, shard, clock.GetUtcNow(), cancellationToken));
        return TypedResults.Ok<IReadOnlyList<AssigneeCounts>>([.. counts
            .GroupBy(c => c.AssigneeId)
            .Select(g => new AssigneeCounts(g.Key, g.Select(c => c.AssigneeName).FirstOrDefault(n => n is not null), g.Sum(c => c.DoneToday), g.Sum(c => c.DueToday), g.Sum(c => c.Overdue)))
            .OrderBy(c => c.AssigneeName)]);
    }

    private static async Task<List<AssigneeCounts>> SummaryAsync(Guid? storeId, FollowupDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dueToday = await (await InTheirDayAsync(db, storeId, DueFilter.Today, now, cancellationToken)).Select(t => new { t.AssigneeId, t.AssigneeName }).ToListAsync(cancellationToken);
        var overdue = await (await InTheirDayAsync(db, storeId, DueFilter.Overdue, now, cancellationToken)).Select(t => new { t.AssigneeId, t.AssigneeName }).ToListAsync(cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => storeId == null || s.Id == storeId).ToListAsync(cancellationToken);
        // One query from the earliest store's midnight; each task then counts from its own store's midnight.
        var dayStarts = stores.ToDictionary(s => s.Id, s => StoreDays.StartOf(s.TimeZone, s.LocalDate(now)));
        var earliest = dayStarts.Count == 0 ? now : dayStarts.Values.Min();
        var ids = dayStarts.Keys.ToList();
        var done = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.StoreId) && t.CompletedAt >= earliest)
                .Select(t => new { t.StoreId, t.CompletedAt, t.AssigneeId, t.AssigneeName }).ToListAsync(cancellationToken))
            .Where(t => t.CompletedAt >= dayStarts[t.StoreId]).Select(t => (t.AssigneeId, t.AssigneeName)).ToList();
        var people = dueToday.Select(t => (t.AssigneeId, t.AssigneeName)).Concat(overdue.Select(t => (t.AssigneeId, t.AssigneeName))).Concat(done)
            .GroupBy(p => p.AssigneeId).Select(g => (Id: g.Key, Name: g.Select(p => p.AssigneeName).FirstOrDefault(n => n is not null)));
        return people.Select(p => new AssigneeCounts(p.Id, p.Name,
                done.Count(d => d.AssigneeId == p.Id), dueToday.Count(d => d.AssigneeId == p.Id), overdue.Count(d => d.AssigneeId == p.Id))).ToList();
    }

    /// <summary>
    /// The tasks, with "today" read in each store's own time zone: stores that share a local day are asked together.
    /// </summary>
    private static async Task<IQueryable<FollowUpTask>> InTheirDayAsync(FollowupDbContext db, Guid? storeId, DueFilter due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (storeId is not null) tasks = tasks.Where(t => t.StoreId == storeId);
        if (due == DueFilter.All) return tasks;
        var open = tasks.Where(t => t.CompletedAt == null && t.ClosedAt == null);
        if (due == DueFilter.Open) return open;
        var stores = await db.Stores.AsNoTracking().Where(s => storeId == null || s.Id == storeId).ToListAsync(cancellationToken);
        IQueryable<FollowUpTask>? result = null;
        foreach (var day in stores.GroupBy(s => s.LocalDate(now), s => s.Id))
        {
            var (today, ids) = (day.Key, day.ToList());
            var part = due switch
            {
                DueFilter.Today => open.Where(t => ids.Contains(t.StoreId) && t.DueOn == today),
                DueFilter.Overdue => open.Where(t => ids.Contains(t.StoreId) && t.DueOn < today),
                _ => open.Where(t => ids.Contains(t.StoreId) && t.DueOn <= today),
            };
            result = result is null ? part : result.Concat(part);
        }
        return result ?? open.Where(t => false);
    }
}
