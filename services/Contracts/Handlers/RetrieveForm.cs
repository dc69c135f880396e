namespace Crm.Contracts.Handlers;

/// <summary>The customer manager takes a form back from the designer: signed, for approval; unused, into stock.</summary>
public sealed class RetrieveForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) => form.Retrieve(me, clock.GetUtcNow()), cancellationToken);
}
