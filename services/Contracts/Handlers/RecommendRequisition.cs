namespace Crm.Contracts.Handlers;

/// <summary>The recommendation for a month of the store's.</summary>
public sealed record MonthRecommendation(DateOnly Month, RequisitionRecommendation Recommendation);

/// <summary>
/// The recommended requisition of forms for a month (domain.md §3): the store's signings of the three months
/// before it, in the store's own months, unless the manager gives the expected figure; the margin; the stock.
/// </summary>
public sealed class RecommendRequisition(ContractDbContext db, Arrivals arrivals, TimeProvider clock)
{
    public async Task<Outcome<MonthRecommendation>> HandleAsync(Guid storeId, DateOnly? month, int? expectedSignings, CancellationToken cancellationToken)
    {
        var found = await db.StoreAsync(arrivals, storeId, Violation.NotFound("store"), cancellationToken);
        if (!found.Succeeded) return found.Violation;
        var store = found.Value;

        var target = month ?? NextMonth(store.LocalDate(clock.GetUtcNow()));
        var months = new List<int>(3);
        for (var back = 3; back >= 1; back--)
        {
            var from = StoreDays.StartOf(store.TimeZone, target.AddMonths(-back));
            var to = StoreDays.StartOf(store.TimeZone, target.AddMonths(-back + 1));
            months.Add(await db.Signings.CountAsync(s => s.StoreId == storeId && s.SignedAt >= from && s.SignedAt < to, cancellationToken));
        }
        var inStock = await db.Forms.CountAsync(f => f.StoreId == storeId && f.State == FormState.InStock, cancellationToken);
        return new MonthRecommendation(target, RequisitionRecommendation.For(months, expectedSignings, inStock));
    }

    public static DateOnly NextMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(1);
}
