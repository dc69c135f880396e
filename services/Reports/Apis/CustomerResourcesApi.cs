using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>The customer-resource figures (domain.md §5) of a store or the chain for a period, whole or broken down.</summary>
public static class CustomerResourcesApi
{
    /// <summary>Who reads a store's figures; finance reads the money of the stores it serves.</summary>
    private static readonly string[] Readers = [.. StaffRoles.StoreStaff, StaffRoles.Finance];

    /// <summary>Ten years of days at most in one request.</summary>
    public const int MaxPeriodDays = 3660;

    public sealed record FiguresResponse(
        int NewRegistered, int InNegotiation, int Deposits, decimal DepositAmount, int SignedCount, decimal SignedAmount, decimal SignedAreaM2,
        decimal? AverageOrder, decimal? AveragePricePerM2, int DesignFeeCount, decimal DesignFees, decimal? CompletenessRate)
    {
        public static FiguresResponse From(ResourceFigures f) => new(f.NewRegistered, f.InNegotiation, f.Deposits, f.DepositAmount, f.SignedCount, f.SignedAmount,
            f.SignedAreaM2, f.AverageOrder, f.AveragePricePerM2, f.DesignFeeCount, f.DesignFees, f.CompletenessRate);
    }

    public sealed record FiguresRow(Guid? StoreId, string? StoreCode, string? StoreName, CustomerSource? Source, Guid? DesignerId, string? DesignerName, FiguresResponse Figures);

    public sealed record CustomerResourcesResponse(Guid? StoreId, DateOnly From, DateOnly To, string By, FiguresResponse Total, IReadOnlyList<FiguresRow> Rows);

    public static IEndpointRouteBuilder MapCustomerResourcesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/reports/customer-resources").RoutedToStoreShard<ReportDbContext>().MapGet("/", Get).WithTags("Reports")
            .WithSummary("New registered traffic, in negotiation, deposits, signings, averages, design fees and completeness for a store (or the chain) and a period of store-local days; by=store|source|designer breaks them down; format=csv|xlsx gives the sheet.")
            .RequireRoles(Readers);
        return routes;
    }

    private static async Task<Results<Ok<CustomerResourcesResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        Guid? storeId, DateOnly? from, DateOnly? to, string? by, string? format, ReportDbContext db, ShardRoute route, StoreScope scope, CustomerResourceFigures figures,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (from is null) errors.Add("from", "The first store-local day of the period (yyyy-MM-dd).");
        if (to is null) errors.Add("to", "The last store-local day of the period (yyyy-MM-dd).");
        if (from > to) errors.Add("to", "The period ends on or after its first day.");
        else if (to?.DayNumber - from?.DayNumber > MaxPeriodDays) errors.Add("to", $"At most {MaxPeriodDays} days in one request.");
        var breakdown = QueryEnum.Parse<Breakdown>(by, "by", errors) ?? Breakdown.None;
        var file = ExportFormats.Parse(format, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var covered = await ReportStores.ResolveAsync(db, route, scope, storeId, cancellationToken);
        if (!covered.Succeeded) return Problems.Refused(covered.Violation!);
        var (store, stores, byShard) = covered.Value;

        // Counted on each shard for its stores, and added up: the parts of one store (or its designers) are on one shard.
        var parts = new Dictionary<FigureKey, ResourceFigures>();
        var designers = new Dictionary<Guid, string?>();
        foreach (var (shard, onShard) in byShard)
        {
            route.Use(db, shard);
            foreach (var (key, part) in await figures.ComputeAsync(onShard, from!.Value, to!.Value, breakdown, cancellationToken))
                parts[key] = parts.TryGetValue(key, out var sum) ? sum.Plus(part) : part;
            var designerIds = parts.Keys.Where(k => k.DesignerId is not null).Select(k => k.DesignerId!.Value).ToList();
            if (designerIds.Count == 0) continue;
            var named = await db.Dispatches.AsNoTracking().Where(d => designerIds.Contains(d.DesignerId))
                .GroupBy(d => d.DesignerId).Select(g => new { Id = g.Key, Name = g.OrderByDescending(d => d.At).Select(d => d.DesignerName).First() })
                .ToListAsync(cancellationToken);
            foreach (var designer in named) designers[designer.Id] = designer.Name;
        }
        var total = parts.Values.Aggregate(ResourceFigures.None, (sum, part) => sum.Plus(part));
        var byId = stores.ToDictionary(s => s.Id);
        var rows = breakdown == Breakdown.None ? [] : parts.Select(p => new FiguresRow(
                p.Key.StoreId, p.Key.StoreId is { } s ? byId[s].Code : null, p.Key.StoreId is { } n ? byId[n].Name : null, p.Key.Source,
                p.Key.DesignerId, p.Key.DesignerId is { } d ? designers.GetValueOrDefault(d) : null, FiguresResponse.From(p.Value)))
            .OrderBy(r => r.StoreCode).ThenBy(r => r.Source).ThenBy(r => r.DesignerName).ToList();
        var response = new CustomerResourcesResponse(store, from!.Value, to!.Value, breakdown.ToString().ToLowerInvariant(), FiguresResponse.From(total), rows);
        if (file == ExportFormat.Json) return TypedResults.Ok(response);
        var code = store is { } one ? byId[one].Code : "chain";
        return await Table(response).ToFileAsync(file!.Value, $"customer-resources-{code}-{from:yyyyMMdd}-{to:yyyyMMdd}", cancellationToken);
    }

    /// <summary>The figures as a sheet: one line per part of the breakdown, then the total; headers in Chinese and English.</summary>
    private static ExportTable Table(CustomerResourcesResponse response)
    {
        static object?[] Line(string? store, string? source, string? designer, FiguresResponse f) =>
        [
            store, source, designer, f.NewRegistered, f.InNegotiation, f.Deposits, f.DepositAmount, f.SignedCount, f.SignedAmount, f.SignedAreaM2,
            f.AverageOrder, f.AveragePricePerM2, f.DesignFeeCount, f.DesignFees, f.CompletenessRate,
        ];
        var lines = response.Rows.Select(r => Line(r.StoreName, r.Source?.ToString(), r.DesignerName, r.Figures)).ToList();
        lines.Add(Line("合计 Total", null, null, response.Total));
        return new ExportTable("客户资源统计", [
            "门店 Store", "来源 Source", "设计师 Designer", "新登记客流 New registered", "在谈客户数 In negotiation", "交定金数 Deposits", "定金额 Deposit amount",
            "签单数 Signed", "签单额 Signed amount", "签单面积 Signed m²", "平均单额 Average order", "平米均价 Price per m²", "设计费笔数 Design fees paid",
            "设计费 Design fees", "完整率 Completeness",
        ], lines)
        {
            Formats = new Dictionary<string, string>
            {
                ["定金额 Deposit amount"] = ExportTable.MoneyFormat, ["签单额 Signed amount"] = ExportTable.MoneyFormat, ["平均单额 Average order"] = ExportTable.MoneyFormat,
                ["平米均价 Price per m²"] = ExportTable.MoneyFormat, ["设计费 Design fees"] = ExportTable.MoneyFormat, ["完整率 Completeness"] = ExportTable.PercentFormat,
            },
        };
    }
}
