namespace Crm.Contracts.Handlers;

/// <summary>A form is voided (spoiled, cancelled) or reported lost, with a reason. Nothing is deleted.</summary>
public sealed class EndForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, bool lost, string reason, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) => lost
            ? form.ReportLost(reason, me, clock.GetUtcNow())
            : form.Void(reason, me, clock.GetUtcNow()), cancellationToken);
}
