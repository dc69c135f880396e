namespace Crm.Reports.Reports;

/// <summary>One store and supplier's leads of the period, and how many the store took how far (by the end of the as-of day).</summary>
public sealed record ReconciliationRow(
    Guid? StoreId, string? StoreCode, string? StoreName, CustomerSource? Source, string Supplier,
    int Supplied, int Duplicates, int Registered, int Met, int Measured, int Signed);

/// <summary>A lead the store registered but had not met by the end of the as-of day: whom to call.</summary>
public sealed record UnmetLead(Guid LeadId, Guid StoreId, string StoreCode, string Supplier, string ExternalId, string Name, DateOnly ReceivedOn, string? CustomerNo);

public sealed record ReconciliationReport(Guid? StoreId, DateOnly From, DateOnly To, DateOnly AsOf, ReconciliationRow Total, IReadOnlyList<ReconciliationRow> Rows, IReadOnlyList<UnmetLead> NeverMet);

/// <summary>
/// Reconciliation (对单): the leads marketing and each partner supplied to each store in a period (by the store-local
/// day they arrived), against how many became customers, were met, measured and signed by the end of the as-of day,
/// and the registered leads never met, by name. Counted from dated facts, so a past as-of day answers the same later.
/// </summary>
public sealed class Reconciliation(ReportDbContext db)
{
    public async Task<ReconciliationReport> ComputeAsync(Guid? storeId, IReadOnlyList<StoreCopy> stores, DateOnly from, DateOnly to, DateOnly asOf, CancellationToken cancellationToken)
    {
        var storeIds = stores.Select(s => s.Id).ToList();
        var leads = await db.Leads.IgnoreQueryFilters().AsNoTracking()
            .Where(l => storeIds.Contains(l.StoreId) && l.ReceivedOn >= from && l.ReceivedOn <= to).ToListAsync(cancellationToken);
        var leadIds = leads.ConvertAll(l => l.Id);
        var duplicates = (await db.DuplicateLeads.IgnoreQueryFilters().Where(d => leadIds.Contains(d.LeadId)).Select(d => d.LeadId).ToListAsync(cancellationToken)).ToHashSet();
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking().Where(c => c.LeadId != null && leadIds.Contains(c.LeadId.Value))
            .Select(c => new { c.Id, LeadId = c.LeadId!.Value, c.CustomerNo, c.RegisteredAt, c.MetAt }).ToListAsync(cancellationToken);
        var customerIds = customers.ConvertAll(c => c.Id);
        var milestones = await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => customerIds.Contains(m.CustomerId) && (m.Type == MilestoneType.Measured || m.Type == MilestoneType.ContractSigned))
            .Select(m => new { m.CustomerId, m.Type, m.At }).ToListAsync(cancellationToken);

        var byStore = stores.ToDictionary(s => s.Id);
        var customerOf = customers.ToDictionary(c => c.LeadId);
        var outcomes = leads.ConvertAll(lead =>
        {
            var end = StoreDays.StartOf(byStore[lead.StoreId].TimeZone, asOf.AddDays(1));
            var customer = customerOf.GetValueOrDefault(lead.Id) is { } c && c.RegisteredAt < end ? c : null;
            bool Reached(MilestoneType type) => customer is not null && milestones.Any(m => m.CustomerId == customer.Id && m.Type == type && m.At < end);
            return new LeadOutcome(lead, lead.Duplicate || duplicates.Contains(lead.Id), customer?.CustomerNo, customer is not null,
                customer?.MetAt < end, Reached(MilestoneType.Measured), Reached(MilestoneType.ContractSigned));
        });

        var rows = outcomes.GroupBy(o => (o.Lead.StoreId, o.Lead.Source, o.Lead.PartnerId, o.Lead.SupplierName))
            .Select(g => Row(g.Key.StoreId, byStore[g.Key.StoreId], g.Key.Source, g.Key.SupplierName, g.ToList()))
            .OrderBy(r => r.StoreCode, StringComparer.Ordinal).ThenBy(r => r.Source).ThenBy(r => r.Supplier, StringComparer.Ordinal).ToList();
        var neverMet = outcomes.Where(o => o.Registered && !o.Met)
            .Select(o => new UnmetLead(o.Lead.Id, o.Lead.StoreId, byStore[o.Lead.StoreId].Code, o.Lead.SupplierName, o.Lead.ExternalId, o.Lead.Name, o.Lead.ReceivedOn, o.CustomerNo))
            .OrderBy(l => l.StoreCode, StringComparer.Ordinal).ThenBy(l => l.ReceivedOn).ThenBy(l => l.Name, StringComparer.Ordinal).ToList();
        return new ReconciliationReport(storeId, from, to, asOf, Row(null, null, null, "All", outcomes), rows, neverMet);
    }

    /// <summary>The reports of the same period over different stores (shards), as one.</summary>
    public static ReconciliationReport Combine(IReadOnlyList<ReconciliationReport> parts) => parts.Count == 1 ? parts[0] : parts[0] with
    {
        Total = parts.Select(p => p.Total).Aggregate((a, b) => a with
        {
            Supplied = a.Supplied + b.Supplied, Duplicates = a.Duplicates + b.Duplicates, Registered = a.Registered + b.Registered,
            Met = a.Met + b.Met, Measured = a.Measured + b.Measured, Signed = a.Signed + b.Signed,
        }),
        Rows = [.. parts.SelectMany(p => p.Rows).OrderBy(r => r.StoreCode, StringComparer.Ordinal).ThenBy(r => r.Source).ThenBy(r => r.Supplier, StringComparer.Ordinal)],
        NeverMet = [.. parts.SelectMany(p => p.NeverMet).OrderBy(l => l.StoreCode, StringComparer.Ordinal).ThenBy(l => l.ReceivedOn).ThenBy(l => l.Name, StringComparer.Ordinal)],
    };

    private sealed record LeadOutcome(LeadFact Lead, bool Duplicate, string? CustomerNo, bool Registered, bool Met, bool Measured, bool Signed);

    private static ReconciliationRow Row(Guid? storeId, StoreCopy? store, CustomerSource? source, string supplier, List<LeadOutcome> leads) => new(
        storeId, store?.Code, store?.Name, source, supplier, leads.Count, leads.Count(l => l.Duplicate), leads.Count(l => l.Registered),
        leads.Count(l => l.Met), leads.Count(l => l.Measured), leads.Count(l => l.Signed));
}
