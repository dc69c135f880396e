namespace Crm.Dispatch.Data;

/// <summary>The roster as a store-local day sees it: who is on duty, and what day it is in each store.</summary>
public static class Roster
{
    /// <summary>On duty unless the day's morning meeting recorded the designer as away.</summary>
    public static async Task<bool> OnDutyAsync(this DispatchDbContext db, Guid designerId, DateOnly day, CancellationToken cancellationToken) =>
        !await db.Duties.AnyAsync(d => d.DesignerId == designerId && d.Day == day && !d.OnDuty, cancellationToken);

    public static async Task<DesignerOnDay> OnDayAsync(this DispatchDbContext db, Designer designer, DateOnly today, CancellationToken cancellationToken) =>
        new(designer, today, await db.OnDutyAsync(designer.Id, today, cancellationToken));

    public static async Task<Dictionary<Guid, DateOnly>> TodayByStoreAsync(this DispatchDbContext db, IEnumerable<Guid> storeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = storeIds.Distinct().ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(cancellationToken);
        return stores.ToDictionary(s => s.Id, s => s.LocalDate(now));
    }
}

/// <summary>A designer as of a store-local day: their status that day, and whether they are on duty.</summary>
public sealed record DesignerOnDay(Designer Designer, DateOnly Today, bool OnDutyToday);
