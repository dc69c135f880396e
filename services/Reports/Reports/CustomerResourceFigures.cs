namespace Crm.Reports.Reports;

/// <summary>How a report breaks its figures down.</summary>
public enum Breakdown { None, Store, Source, Designer }

/// <summary>One part of a breakdown: a store, a source or a designer (the others empty); all empty for the whole.</summary>
public sealed record FigureKey(Guid? StoreId, CustomerSource? Source, Guid? DesignerId);

/// <summary>
/// The customer-resource figures of domain.md §5 for the stores given and a period of store-local days, from the dated
/// facts alone: a past period gives the same figures whenever it is asked. Each figure is one grouped query.
/// </summary>
public sealed class CustomerResourceFigures(ReportDbContext db)
{
    public async Task<Dictionary<FigureKey, ResourceFigures>> ComputeAsync(IReadOnlyList<StoreCopy> stores, DateOnly from, DateOnly to, Breakdown by, CancellationToken ct)
    {
        var ids = stores.Select(s => s.Id).ToList();
        var (byStore, bySource, byDesigner) = (by == Breakdown.Store, by == Breakdown.Source, by == Breakdown.Designer);
        var figures = new Dictionary<FigureKey, ResourceFigures>();
        void Add(FigureKey key, ResourceFigures part) => figures[key] = figures.GetValueOrDefault(key, ResourceFigures.None).Plus(part);

        var customers = db.Customers.AsNoTracking().Where(c => ids.Contains(c.StoreId));
        // Every milestone subquery names the stores too: without it the planner may read the chain's milestones of a kind.
        var milestones = db.Milestones.AsNoTracking().Where(m => ids.Contains(m.StoreId));

        // By designer, a customer counts for the designer they had at the end of the period, so that a later
        // re-dispatch does not change a past period.
        var dispatches = db.Dispatches.AsNoTracking().Where(d => d.Day <= to);
        var keyed = customers.Select(c => new
        {
            Customer = c,
            S = byStore ? c.StoreId : (Guid?)null,
            So = bySource ? c.Source : (CustomerSource?)null,
            D = byDesigner ? dispatches.Where(d => d.CustomerId == c.Id).OrderByDescending(d => d.At).Select(d => (Guid?)d.DesignerId).FirstOrDefault() : null,
        });
        var registered = await keyed.Where(x => x.Customer.RegisteredOn >= from && x.Customer.RegisteredOn <= to)
            .GroupBy(x => new { x.S, x.So, x.D })
            .Select(g => new { g.Key.S, g.Key.So, g.Key.D, N = g.Count() }).ToListAsync(ct);
        foreach (var r in registered) Add(new(r.S, r.So, r.D), new() { NewRegistered = r.N });

        // In negotiation at the end of the period: dispatched by then, not signed by then, and not closed by then
        // (a loss or an invalidation not followed by a reopening).
        var negotiating = await keyed
            .Where(x => x.Customer.FirstDispatchedOn <= to)
            .Where(x => !milestones.Any(m => m.CustomerId == x.Customer.Id && m.Type == MilestoneType.ContractSigned && m.Day <= to))
            .Where(x => !milestones.Any(m => m.CustomerId == x.Customer.Id && (m.Type == MilestoneType.Lost || m.Type == MilestoneType.Invalidated) && m.Day <= to
                && !milestones.Any(r => r.CustomerId == x.Customer.Id && r.Type == MilestoneType.Reopened && r.Day <= to && r.At > m.At)))
            .GroupBy(x => new { x.S, x.So, x.D })
            .Select(g => new { g.Key.S, g.Key.So, g.Key.D, N = g.Count() }).ToListAsync(ct);
        foreach (var r in negotiating) Add(new(r.S, r.So, r.D), new() { InNegotiation = r.N });

        var inPeriod = milestones.Where(m => m.Day >= from && m.Day <= to).Join(customers, m => m.CustomerId, c => c.Id, (m, c) => new { m, c.Source });
        var money = await inPeriod.Where(x => x.m.Type == MilestoneType.DepositPaid || x.m.Type == MilestoneType.ContractSigned || x.m.Type == MilestoneType.DesignFeePaid)
            .GroupBy(x => new { S = byStore ? x.m.StoreId : (Guid?)null, So = bySource ? x.Source : (CustomerSource?)null, D = byDesigner ? x.m.DesignerId : null, x.m.Type })
            .Select(g => new { g.Key.S, g.Key.So, g.Key.D, g.Key.Type, N = g.Count(), Amount = g.Sum(x => x.m.Amount ?? 0), Area = g.Sum(x => x.m.AreaM2 ?? 0) })
            .ToListAsync(ct);
        foreach (var r in money)
            Add(new(r.S, r.So, r.D), r.Type switch
            {
                MilestoneType.DepositPaid => new() { DepositAmount = r.Amount },
                MilestoneType.ContractSigned => new() { SignedCount = r.N, SignedAmount = r.Amount, SignedAreaM2 = r.Area },
                _ => new() { DesignFeeCount = r.N, DesignFees = r.Amount },
            });

        // Deposits count customers: a deposit in the period with no earlier deposit of the same customer.
        var firstDeposits = await inPeriod
            .Where(x => x.m.Type == MilestoneType.DepositPaid)
            .Where(x => !milestones.Any(e => e.CustomerId == x.m.CustomerId && e.Type == MilestoneType.DepositPaid && (e.At < x.m.At || (e.At == x.m.At && e.Id < x.m.Id))))
            .GroupBy(x => new { S = byStore ? x.m.StoreId : (Guid?)null, So = bySource ? x.Source : (CustomerSource?)null, D = byDesigner ? x.m.DesignerId : null })
            .Select(g => new { g.Key.S, g.Key.So, g.Key.D, N = g.Count() }).ToListAsync(ct);
        foreach (var r in firstDeposits) Add(new(r.S, r.So, r.D), new() { Deposits = r.N });

        foreach (var r in await CompletenessAsync(stores, from, to, by, ct))
            Add(new(r.StoreId, r.Source is null ? null : Enum.Parse<CustomerSource>(r.Source), r.DesignerId), new() { CompletenessCustomers = r.Customers, CompletenessSum = r.Sum });
        return figures;
    }

    /// <summary>
    /// The completeness of the customers registered in the period as it stood at the end of its last day, in each
    /// store's own day: the count and the sum of the rates per part of the breakdown.
    /// </summary>
    public async Task<List<CompletenessRow>> CompletenessAsync(IReadOnlyList<StoreCopy> stores, DateOnly from, DateOnly to, Breakdown by, CancellationToken ct)
    {
        var (byStore, bySource, byDesigner) = (by == Breakdown.Store, by == Breakdown.Source, by == Breakdown.Designer);
        var rows = new List<CompletenessRow>();
        foreach (var zone in stores.GroupBy(s => s.TimeZone))
        {
            var end = StoreDays.StartOf(zone.Key, to.AddDays(1));
            var zoneIds = zone.Select(s => s.Id).ToArray();
            rows.AddRange(await db.Database.SqlQuery<CompletenessRow>($"""
                SELECT CASE WHEN {byStore} THEN c."StoreId" END AS "StoreId",
                       CASE WHEN {bySource} THEN c."Source" END AS "Source",
                       CASE WHEN {byDesigner} THEN (SELECT d."DesignerId" FROM "Dispatches" d WHERE d."CustomerId" = c."Id" AND d."Day" <= {to}
                                                    ORDER BY d."At" DESC LIMIT 1) END AS "DesignerId",
                       count(*)::int AS "Customers", coalesce(sum(latest."Rate"), 0) AS "Sum"
                FROM "Customers" c
                JOIN LATERAL (SELECT f."Rate" FROM "Completeness" f WHERE f."CustomerId" = c."Id" AND f."At" < {end}
                              ORDER BY f."At" DESC LIMIT 1) latest ON true
                WHERE c."StoreId" = ANY({zoneIds}) AND c."RegisteredOn" BETWEEN {from} AND {to}
                GROUP BY 1, 2, 3
                """).ToListAsync(ct));
        }
        return rows;
    }

    public sealed class CompletenessRow
    {
        public Guid? StoreId { get; init; }
        public string? Source { get; init; }
        public Guid? DesignerId { get; init; }
        public int Customers { get; init; }
        public decimal Sum { get; init; }
    }
}
