namespace Crm.Contracts.Handlers;

/// <summary>Records a count of the forms in the store's drawer and what it found against the ledger.</summary>
public sealed class CountStock(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<StockCount>> HandleAsync(Guid storeId, IReadOnlyCollection<string> present, CancellationToken cancellationToken)
    {
        if (!await db.Stores.AnyAsync(s => s.Id == storeId, cancellationToken)) return Violation.Invalid("storeId", "No store with that id.");
        var forms = await db.Forms.AsNoTracking().Where(f => f.StoreId == storeId
                && (f.State == FormState.InStock || f.State == FormState.Retrieved || f.State == FormState.Approved || f.State == FormState.Rejected))
            .ToListAsync(cancellationToken);
        var count = StockCount.Record(storeId, forms.Where(StockCount.InDrawer).Select(f => f.Serial), present, await db.PersonAsync(scope, cancellationToken), clock.GetUtcNow());
        db.StockCounts.Add(count);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
