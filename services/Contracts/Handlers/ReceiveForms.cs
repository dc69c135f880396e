namespace Crm.Contracts.Handlers;

/// <summary>
/// Receives a range of numbered forms into a store's stock, each with its first ledger line. A serial exists
/// once in the chain: a range that overlaps forms already received anywhere is refused whole.
/// </summary>
public sealed class ReceiveForms(ContractDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public const string DuplicateSerial = "duplicate-serial";

    public async Task<Outcome<IReadOnlyList<ContractForm>>> HandleAsync(Guid storeId, SerialRange range, CancellationToken cancellationToken)
    {
        var arrival = await arrivals.AwaitAsync(storeId, ct => db.Stores.IgnoreQueryFilters().AnyAsync(s => s.Id == storeId, ct), cancellationToken);
        if (arrival == Arrival.OnItsWay) return Violation.NotYetArrived("store");
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken)) return Violation.Invalid("storeId", "No store with that id.");

        var serials = range.Serials().ToList();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                // The chain-wide check, past the caller's store: the serial says nothing else about the other form.
                var taken = await db.Forms.IgnoreQueryFilters().Where(f => serials.Contains(f.Serial)).Select(f => f.Serial).OrderBy(s => s).ToListAsync(cancellationToken);
                if (taken.Count > 0) return Taken(taken);
                var now = clock.GetUtcNow();
                var me = await db.PersonAsync(scope, cancellationToken);
                var forms = new List<ContractForm>(serials.Count);
                foreach (var serial in serials)
                {
                    var (form, entry) = ContractForm.Receive(storeId, serial, me, now);
                    db.Forms.Add(form);
                    db.Custody.Add(entry);
                    forms.Add(form);
                }
                return (Outcome<IReadOnlyList<ContractForm>>)forms;
            }, outcome => outcome.Succeeded, cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same serials received at the same moment elsewhere.
            db.ChangeTracker.Clear();
            return Taken(await db.Forms.IgnoreQueryFilters().Where(f => serials.Contains(f.Serial)).Select(f => f.Serial).OrderBy(s => s).ToListAsync(cancellationToken));
        }
    }

    private static Violation Taken(IReadOnlyList<string> serials) =>
        Violation.Conflict(DuplicateSerial, $"{serials.Count} of these serials were received before, e.g. {serials[0]}: a serial exists once in the chain.",
            new Dictionary<string, object?> { ["serials"] = serials.Take(20).ToList() });
}
