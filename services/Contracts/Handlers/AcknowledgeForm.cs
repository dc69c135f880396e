namespace Crm.Contracts.Handlers;

/// <summary>The finance staff member a form was reported to says they have it: its custody ends.</summary>
public sealed class AcknowledgeForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) => form.Acknowledge(me, clock.GetUtcNow()), cancellationToken);
}
