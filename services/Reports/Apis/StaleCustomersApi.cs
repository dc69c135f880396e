using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>The stale-customer lists (超三个月有效未签单客户, 重点回访) of a store or the chain as of a day.</summary>
public static class StaleCustomersApi
{
    public sealed record StaleCustomersResponse(Guid? StoreId, DateOnly AsOf, IReadOnlyList<StaleCustomer> KeyAttention, IReadOnlyList<StaleCustomer> KeyFollowUp);

    public static IEndpointRouteBuilder MapStaleCustomersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/reports/stale-customers", Get).WithTags("Reports")
            .WithSummary("As of a store-local day (today if absent): every valid customer unsigned more than 3 months after registration, those with a deposit, design fee or quote flagged keyAttention; and the measured leads for key follow-up.")
            .RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<StaleCustomersResponse>, ProblemHttpResult>> Get(
        Guid? storeId, DateOnly? asOf, ReportDbContext db, StoreScope scope, StaleCustomers lists, TimeProvider clock, CancellationToken cancellationToken)
    {
        var store = scope.StoreOr(storeId);
        var stores = await db.Stores.AsNoTracking().Where(s => store == null || s.Id == store).ToListAsync(cancellationToken);
        if (store is not null && stores.Count == 0) return Problems.NotFound("store");
        var day = asOf ?? (stores.Count == 1 ? stores[0].LocalDate(clock.GetUtcNow()) : StoreDays.LocalDate(StoreCopy.DefaultTimeZone, clock.GetUtcNow()));
        var (keyAttention, keyFollowUp) = await lists.ComputeAsync(stores, day, cancellationToken);
        return TypedResults.Ok(new StaleCustomersResponse(store, day, keyAttention, keyFollowUp));
    }
}
