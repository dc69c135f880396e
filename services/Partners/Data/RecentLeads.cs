namespace Crm.Partners.Data;

internal static class RecentLeads
{
    /// <summary>How far back leads are counted when a lead is routed by city.</summary>
    public static readonly TimeSpan RoutingWindow = TimeSpan.FromDays(7);

    /// <summary>Leads received per store in the routing window: a lead by city goes to the store with the fewest.</summary>
    public static Task<Dictionary<Guid, int>> RecentLeadsByStoreAsync(this PartnerDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RoutingWindow;
        return db.Leads.Where(l => l.ReceivedAt >= since).GroupBy(l => l.StoreId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}
