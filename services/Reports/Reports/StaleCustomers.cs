namespace Crm.Reports.Reports;

/// <summary>A stale customer as the lists show them, with whom to talk to and how long they have waited.</summary>
public sealed record StaleCustomer(
    Guid CustomerId, Guid StoreId, string CustomerNo, CustomerSource Source, DateOnly RegisteredOn, int DaysStale, bool KeyAttention,
    string? DesignerName, string? ConsultantName, DateTimeOffset? LastFollowUpAt);

/// <summary>
/// The two 3-month lists of domain.md §4 as of a store-local day, from the dated facts: what had happened by the end
/// of that day counts, nothing after it.
/// </summary>
public sealed class StaleCustomers(ReportDbContext db)
{
    public async Task<(List<StaleCustomer> KeyAttention, List<StaleCustomer> KeyFollowUp)> ComputeAsync(IReadOnlyList<StoreCopy> stores, DateOnly asOf, CancellationToken ct)
    {
        var ids = stores.Select(s => s.Id).ToList();
        var latest = StaleRule.LatestCandidate(asOf);
        var milestones = db.Milestones.AsNoTracking().Where(m => ids.Contains(m.StoreId) && m.Day <= asOf);
        MilestoneType[] money = [MilestoneType.DepositPaid, MilestoneType.DesignFeePaid, MilestoneType.Quoted];
        var candidates = await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.StoreId) && c.RegisteredOn <= latest)
            .Where(c => !milestones.Any(m => m.CustomerId == c.Id && m.Type == MilestoneType.ContractSigned))
            .Where(c => !milestones.Any(m => m.CustomerId == c.Id && (m.Type == MilestoneType.Lost || m.Type == MilestoneType.Invalidated)
                && !milestones.Any(r => r.CustomerId == c.Id && r.Type == MilestoneType.Reopened && r.At > m.At)))
            .Select(c => new
            {
                Customer = c,
                Paid = milestones.Any(m => m.CustomerId == c.Id && money.Contains(m.Type)),
                Measured = milestones.Any(m => m.CustomerId == c.Id && m.Type == MilestoneType.Measured),
            })
            .ToListAsync(ct);
        var stale = candidates.Where(x => StaleRule.IsStaleOn(x.Customer.RegisteredOn, asOf)).ToList();

        // The last follow-up before the end of the day, in each store's own day.
        var ends = stores.ToDictionary(s => s.Id, s => StoreDays.StartOf(s.TimeZone, asOf.AddDays(1)));
        var latestEnd = ends.Count == 0 ? DateTimeOffset.MinValue : ends.Values.Max();
        var staleIds = stale.Select(x => x.Customer.Id).ToList();
        var followUps = (await db.FollowUps.AsNoTracking().Where(f => staleIds.Contains(f.CustomerId) && f.At < latestEnd)
                .Select(f => new { f.CustomerId, f.StoreId, f.At }).ToListAsync(ct))
            .Where(f => f.At < ends[f.StoreId])
            .GroupBy(f => f.CustomerId).ToDictionary(g => g.Key, g => g.Max(f => f.At));

        // The designer each had by the end of the day, not one they were given later.
        var designers = (await db.Dispatches.AsNoTracking().Where(d => staleIds.Contains(d.CustomerId) && d.Day <= asOf)
                .Select(d => new { d.CustomerId, d.At, d.DesignerName }).ToListAsync(ct))
            .GroupBy(d => d.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(d => d.At)!.DesignerName);

        StaleCustomer Row(CustomerFact c, bool paid) => new(c.Id, c.StoreId, c.CustomerNo, c.Source, c.RegisteredOn, StaleRule.DaysStale(c.RegisteredOn, asOf), paid,
            designers.GetValueOrDefault(c.Id), c.ConsultantName, followUps.TryGetValue(c.Id, out var at) ? at : null);
        var keyAttention = stale.Select(x => Row(x.Customer, x.Paid)).OrderByDescending(r => r.KeyAttention).ThenByDescending(r => r.DaysStale).ThenBy(r => r.CustomerNo).ToList();
        var keyFollowUp = stale.Where(x => x.Customer.CameAsLead && x.Measured).Select(x => Row(x.Customer, x.Paid))
            .OrderByDescending(r => r.DaysStale).ThenBy(r => r.CustomerNo).ToList();
        return (keyAttention, keyFollowUp);
    }
}
