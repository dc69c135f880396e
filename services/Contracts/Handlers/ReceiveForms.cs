namespace Crm.Contracts.Handlers;

/// <summary>
/// Receives a range of numbered forms into a store's stock, each with its first ledger line. A serial exists
/// once in the chain: a range that overlaps forms already received anywhere is refused whole. A form's key starts with
/// its store, and the stores may be on several database shards: no unique key sees the whole chain. So receipts are
/// made one at a time (a lock of the whole chain), each after looking on every shard.
/// </summary>
public sealed class ReceiveForms(ContractDbContext db, ShardRoute route, StorePlacements placements, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public const string DuplicateSerial = "duplicate-serial";

    public async Task<Outcome<IReadOnlyList<ContractForm>>> HandleAsync(Guid storeId, SerialRange range, CancellationToken cancellationToken)
    {
        var store = await db.StoreAsync(arrivals, storeId, Violation.Invalid("storeId", "No store with that id."), cancellationToken);
        if (!store.Succeeded) return store.Violation;

        var serials = range.Serials().ToList();
        // The forms' keys start with their store: two stores receiving the same serial at once are kept apart by the lock.
        await using var receipts = await placements.LockAsync("receive-forms", cancellationToken);
        if (!route.Shards.Single)
        {
            var own = route.Shard;
            var elsewhere = await db.OnEveryShardAsync(route, _ => TakenAsync(serials, cancellationToken));
            route.Use(db, own);
            if (elsewhere.Count > 0) return Taken([.. elsewhere.Order(StringComparer.Ordinal)]);
        }
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                if (await TakenAsync(serials, cancellationToken) is { Count: > 0 } taken) return Taken(taken);
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
            return Taken(await TakenAsync(serials, cancellationToken));
        }
    }

    /// <summary>The serials received before, anywhere in the chain: the serial says nothing else about the other form.</summary>
    private Task<List<string>> TakenAsync(List<string> serials, CancellationToken cancellationToken) =>
        db.Forms.IgnoreQueryFilters().Where(f => serials.Contains(f.Serial)).Select(f => f.Serial).OrderBy(s => s).ToListAsync(cancellationToken);

    private static Violation Taken(IReadOnlyList<string> serials) =>
        Violation.Conflict(DuplicateSerial, $"{serials.Count} of these serials were received before, e.g. {serials[0]}: a serial exists once in the chain.",
            new Dictionary<string, object?> { ["serials"] = serials.Take(20).ToList() });
}
