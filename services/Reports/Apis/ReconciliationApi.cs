using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>Reconciliation (对单): leads supplied by marketing and each partner against what each store made of them.</summary>
public static class ReconciliationApi
{
    private static readonly string[] Readers = [.. StaffRoles.StoreStaff, StaffRoles.Marketing];

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/reports/reconciliation").RoutedToStoreShard<ReportDbContext>().MapGet("/", Get).WithTags("Reports")
            .WithSummary("Leads supplied by marketing and by each partner to each store in a period (store-local days from–to, by arrival), against how many were duplicates, registered, met, measured and signed by the end of asOf (today if absent), and the registered leads never met, by name; format=csv|xlsx gives both as sheets. Marketing and ChainAdmin see every store.")
            .RequireRoles(Readers);
        return routes;
    }

    private static async Task<Results<Ok<ReconciliationReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        Guid? storeId, DateOnly? from, DateOnly? to, DateOnly? asOf, string? format, ReportDbContext db, ShardRoute route, StoreScope scope, Reconciliation reconciliation, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.Parse(format, errors);
        if (from is null) errors.Add("from", "The first day of the period (yyyy-MM-dd).");
        if (to is null) errors.Add("to", "The last day of the period (yyyy-MM-dd).");
        if (from > to) errors.Add("to", "The period ends before it starts.");
        if (to is { } end && from is { } start && end.DayNumber - start.DayNumber > 366) errors.Add("to", "A period of at most 366 days.");
        if (asOf < to) errors.Add("asOf", "The as-of day is on or after the end of the period.");
        QueryDays.Check(from, "from", errors);
        QueryDays.Check(to, "to", errors);
        QueryDays.Check(asOf, "asOf", errors);
        if (errors.Any) return Problems.Invalid(errors);

        // Marketing supplies every store and reconciles every store; other staff their own.
        var chainWide = scope.AllStores || scope.Role == StaffRoles.Marketing;
        var own = scope.StoreId;
        if (storeId is not null && !chainWide && storeId != own) return Problems.NotFound("store");
        // A caller of no store who does not see the chain reconciles nothing.
        var target = chainWide ? storeId : storeId ?? own;
        var covered = target == Guid.Empty
            ? (null, [], [new ReportStores.OnShard(route.Shard, [])])
            : await ReportStores.ResolveAsync(db, route, scope, target, cancellationToken, ignoreScope: true);
        if (!covered.Succeeded) return Problems.NotFound("store");
        var (_, stores, byShard) = covered.Value;
        var today = StoreDays.LocalDate(stores.Count == 1 ? stores[0].TimeZone : StoreCopy.DefaultTimeZone, clock.GetUtcNow());
        var day = asOf ?? (today < to!.Value ? to.Value : today);

        // Each shard reconciles its stores; the rows of a store are on one shard, the totals add up.
        var parts = new List<ReconciliationReport>();
        foreach (var (shard, onShard) in byShard)
        {
            route.Use(db, shard);
            parts.Add(await reconciliation.ComputeAsync(storeId, onShard, from!.Value, to!.Value, day, cancellationToken));
        }
        var report = Reconciliation.Combine(parts);
        if (file == ExportFormat.Json) return TypedResults.Ok(report);
        object?[] Line(ReconciliationRow r) => ["对单 Reconciliation", r.StoreCode ?? "合计 Total", r.Supplier, r.Supplied, r.Duplicates, r.Registered, r.Met, r.Measured, r.Signed, null, null];
        var table = new ExportTable("对单", [
            "部分 Section", "门店 Store", "供单方 Supplier", "供单 Supplied", "重复 Duplicates", "登记 Registered", "见面 Met", "量房 Measured", "签单 Signed",
            "未见面客户 Never met", "到达日期 Received",
        ], [
            .. report.Rows.Select(Line), Line(report.Total),
            .. report.NeverMet.Select(l => new object?[] { "未见面 Never met", l.StoreCode, l.Supplier, null, null, null, null, null, null, $"{l.Name} ({l.CustomerNo ?? l.ExternalId})", l.ReceivedOn.ToString("yyyy-MM-dd") }),
        ]);
        var scopeName = storeId is not null ? stores[0].Code : "chain";
        return await table.ToFileAsync(file!.Value, $"reconciliation-{scopeName}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}", cancellationToken);
    }
}
