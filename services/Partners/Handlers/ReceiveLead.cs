namespace Crm.Partners.Handlers;

/// <summary>
/// Takes in one lead: the supplier's external id seen before answers the lead already received; otherwise the lead
/// is routed to a store, stored (as Duplicate when its phone is already known, among leads or customers), and
/// announced for the customer service to register, in one transaction.
/// </summary>
public sealed class ReceiveLead(PartnerDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Lead>> HandleAsync(Supplier supplier, IReadOnlyCollection<Guid>? allowedStores, LeadDraft draft, Guid? storeId, string? city,
        CancellationToken cancellationToken, Guid? importJobId = null, int? importRow = null)
    {
        if (await ExistingAsync(supplier, draft.ExternalId, cancellationToken) is { } existing) return existing;

        var stores = await db.Stores.AsNoTracking().Where(s => allowedStores == null || allowedStores.Contains(s.Id)).ToListAsync(cancellationToken);
        var recent = storeId is null ? await db.RecentLeadsByStoreAsync(clock.GetUtcNow(), cancellationToken) : [];
        var routed = LeadRouting.Route(storeId, city, stores, recent);
        if (!routed.Succeeded) return routed.Violation;

        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var duplicate = await db.Leads.AnyAsync(l => l.Phone == draft.Phone, cancellationToken)
                    || await db.KnownPhones.AnyAsync(p => p.Phone == draft.Phone, cancellationToken);
                var now = clock.GetUtcNow();
                var lead = Lead.Receive(supplier, draft, routed.Value, duplicate, now, importJobId, importRow);
                db.Leads.Add(lead);
                db.LeadStatusChanges.Add(LeadStatusChange.Record(lead, null, lead.Status, duplicate ? "phone already known" : "received", now));
                db.Publish(lead.ToEvent(), clock);
                return (Outcome<Lead>)lead;
            }, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same external id sent twice at the same moment: the database kept the first.
            db.ChangeTracker.Clear();
            return await ExistingAsync(supplier, draft.ExternalId, cancellationToken)
                ?? throw new InvalidOperationException("A lead's external id was reported taken, but no lead holds it.", ex);
        }
    }

    private Task<Lead?> ExistingAsync(Supplier supplier, string externalId, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.PartnerId == supplier.PartnerId && l.ExternalId == externalId, cancellationToken);
}
