namespace Crm.Reports.Facts;

/// <summary>
/// A store's day and month tallies: facts add their changes at once (concurrent facts of one store add to the same
/// rows, so each change is an upsert that adds, never a read and a write), and a day's standing is read as the
/// months before it plus the days of its own month.
/// </summary>
public sealed class Tallies(ReportDbContext db)
{
    /// <summary>A customer newly in a stage: the registration's.</summary>
    public Task EnterAsync(Guid storeId, DateOnly day, CustomerStage stage, CancellationToken ct) => StageAsync(storeId, new(day, stage, 1), ct);

    /// <summary>The stage changes a milestone makes, given the customer's milestones already known.</summary>
    public async Task MilestoneAsync(CustomerFact customer, MilestoneFact added, CancellationToken ct)
    {
        var others = await db.Milestones.AsNoTracking().Where(m => m.CustomerId == customer.Id && m.Id != added.Id).ToListAsync(ct);
        foreach (var change in TallyRules.StageChanges(customer.RegisteredStage, others, added)) await StageAsync(customer.StoreId, change, ct);
    }

    /// <summary>Records a customer's completeness rate from an instant on, and the changes it makes to the tallies given the rates already known.</summary>
    public async Task CompletenessAsync(StoreCopy store, Guid customerId, DateTimeOffset at, decimal rate, CancellationToken ct)
    {
        var known = await db.Completeness.AsNoTracking().Where(c => c.CustomerId == customerId).Select(c => new { c.At, c.Rate }).ToListAsync(ct);
        var others = known.ConvertAll(c => (c.At, store.LocalDate(c.At), c.Rate));
        foreach (var change in TallyRules.CompletenessChanges(others, (at.ToUniversalTime(), store.LocalDate(at), rate)))
        {
            var month = MonthOf(change.Day);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "CompletenessMoves" ("StoreId", "Day", "Sum", "Customers") VALUES ({store.Id}, {change.Day}, {change.Sum}, {change.Customers})
                ON CONFLICT ("StoreId", "Day") DO UPDATE SET "Sum" = "CompletenessMoves"."Sum" + excluded."Sum", "Customers" = "CompletenessMoves"."Customers" + excluded."Customers";
                INSERT INTO "CompletenessMonths" ("StoreId", "Month", "Sum", "Customers") VALUES ({store.Id}, {month}, {change.Sum}, {change.Customers})
                ON CONFLICT ("StoreId", "Month") DO UPDATE SET "Sum" = "CompletenessMonths"."Sum" + excluded."Sum", "Customers" = "CompletenessMonths"."Customers" + excluded."Customers"
                """, ct);
        }
        db.Completeness.Add(CompletenessFact.Of(store.Id, customerId, at, rate));
    }

    /// <summary>How many of the store's customers stood in each stage at the end of the day.</summary>
    public async Task<Dictionary<CustomerStage, int>> StandingAsync(Guid storeId, DateOnly day, CancellationToken ct)
    {
        var month = MonthOf(day);
        return (await db.StageMonths.AsNoTracking().Where(m => m.StoreId == storeId && m.Month < month).Select(m => new { m.Stage, m.Count })
                .Concat(db.StageMoves.AsNoTracking().Where(m => m.StoreId == storeId && m.Day >= month && m.Day <= day).Select(m => new { m.Stage, m.Count }))
                .GroupBy(m => m.Stage).Select(g => new { Stage = g.Key, Count = g.Sum(m => m.Count) }).ToListAsync(ct))
            .ToDictionary(x => x.Stage, x => x.Count);
    }

    /// <summary>The store's completeness rate at the end of the day, 0 to 1 to four places; none without a customer.</summary>
    public async Task<decimal?> CompletenessRateAsync(Guid storeId, DateOnly day, CancellationToken ct)
    {
        var month = MonthOf(day);
        var total = await db.CompletenessMonths.AsNoTracking().Where(m => m.StoreId == storeId && m.Month < month).Select(m => new { m.StoreId, m.Sum, m.Customers })
            .Concat(db.CompletenessMoves.AsNoTracking().Where(m => m.StoreId == storeId && m.Day >= month && m.Day <= day).Select(m => new { m.StoreId, m.Sum, m.Customers }))
            .GroupBy(m => m.StoreId).Select(g => new { Sum = g.Sum(m => m.Sum), Customers = g.Sum(m => m.Customers) }).FirstOrDefaultAsync(ct);
        return total is null || total.Customers == 0 ? null : Math.Round(total.Sum / total.Customers, 4);
    }

    /// <summary>The first day of the day's month: the key of the month tallies.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private Task StageAsync(Guid storeId, StageChange change, CancellationToken ct) => db.Database.ExecuteSqlAsync($"""
        INSERT INTO "StageMoves" ("StoreId", "Day", "Stage", "Count") VALUES ({storeId}, {change.Day}, {change.Stage.ToString()}, {change.Count})
        ON CONFLICT ("StoreId", "Day", "Stage") DO UPDATE SET "Count" = "StageMoves"."Count" + excluded."Count";
        INSERT INTO "StageMonths" ("StoreId", "Month", "Stage", "Count") VALUES ({storeId}, {MonthOf(change.Day)}, {change.Stage.ToString()}, {change.Count})
        ON CONFLICT ("StoreId", "Month", "Stage") DO UPDATE SET "Count" = "StageMonths"."Count" + excluded."Count"
        """, ct);
}
