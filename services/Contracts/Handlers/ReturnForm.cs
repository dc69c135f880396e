namespace Crm.Contracts.Handlers;

/// <summary>A form passed on comes back to the one who passed it; the ledger keeps the actual return.</summary>
public sealed class ReturnForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) => form.Return(me, clock.GetUtcNow()), cancellationToken);
}
