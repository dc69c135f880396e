using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>The stale-customer lists (超三个月有效未签单客户, 重点回访) of a store or the chain as of a day.</summary>
public static class StaleCustomersApi
{
    public sealed record StaleCustomersResponse(Guid? StoreId, DateOnly AsOf, IReadOnlyList<StaleCustomer> KeyAttention, IReadOnlyList<StaleCustomer> KeyFollowUp);

    public static IEndpointRouteBuilder MapStaleCustomersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/reports/stale-customers").RoutedToStoreShard<ReportDbContext>().MapGet("/", Get).WithTags("Reports")
            .WithSummary("As of a store-local day (today if absent): every valid customer unsigned more than 3 months after registration, those with a deposit, design fee or quote flagged keyAttention; and the measured leads for key follow-up; format=csv|xlsx gives the sheet.")
            .RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<StaleCustomersResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        Guid? storeId, DateOnly? asOf, string? format, ReportDbContext db, ShardRoute route, StoreScope scope, StaleCustomers lists, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.Parse(format, errors);
        QueryDays.Check(asOf, "asOf", errors);
        if (errors.Any) return Problems.Invalid(errors);
        var covered = await ReportStores.ResolveAsync(db, route, scope, storeId, cancellationToken);
        if (!covered.Succeeded) return Problems.Refused(covered.Violation!);
        var (store, stores, byShard) = covered.Value;
        var day = asOf ?? (stores.Count == 1 ? stores[0].LocalDate(clock.GetUtcNow()) : StoreDays.LocalDate(StoreCopy.DefaultTimeZone, clock.GetUtcNow()));
        List<StaleCustomer> keyAttention = [], keyFollowUp = [];
        foreach (var (shard, onShard) in byShard)
        {
            route.Use(db, shard);
            var (attention, followUp) = await lists.ComputeAsync(onShard, day, cancellationToken);
            keyAttention.AddRange(attention);
            keyFollowUp.AddRange(followUp);
        }
        if (byShard.Count > 1)
        {
            // The order each shard gave its own part.
            keyAttention = [.. keyAttention.OrderByDescending(c => c.KeyAttention).ThenByDescending(c => c.DaysStale).ThenBy(c => c.CustomerNo)];
            keyFollowUp = [.. keyFollowUp.OrderByDescending(c => c.DaysStale).ThenBy(c => c.CustomerNo)];
        }
        if (file == ExportFormat.Json) return TypedResults.Ok(new StaleCustomersResponse(store, day, keyAttention, keyFollowUp));
        var names = stores.ToDictionary(s => s.Id);
        object?[] Line(string list, StaleCustomer c) =>
        [
            list, names[c.StoreId].Name, c.CustomerNo, c.Source.ToString(), c.RegisteredOn.ToString("yyyy-MM-dd"), c.DaysStale, c.KeyAttention,
            c.DesignerName, c.ConsultantName, c.LastFollowUpAt is { } at ? names[c.StoreId].LocalTime(at) : null,
        ];
        var table = new ExportTable("超三个月客户", [
            "清单 List", "门店 Store", "客户编号 Customer", "来源 Source", "登记日期 Registered", "超期天数 Days stale", "重点关注 Key attention",
            "设计师 Designer", "家装顾问 Consultant", "最近回访 Last follow-up",
        ], [.. keyAttention.Select(c => Line("重点关注 Key attention", c)), .. keyFollowUp.Select(c => Line("重点回访 Key follow-up", c))]);
        return await table.ToFileAsync(file!.Value, $"stale-customers-{(store is { } one ? names[one].Code : "chain")}-{day:yyyyMMdd}", cancellationToken);
    }
}
