namespace Crm.Contracts.Handlers;

/// <summary>A form is voided (spoiled, cancelled) or reported lost, with a reason. Nothing is deleted.</summary>
public sealed class EndForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, bool lost, string reason, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, form => lost
            ? form.ReportLost(reason, scope.Person(), clock.GetUtcNow())
            : form.Void(reason, scope.Person(), clock.GetUtcNow()), cancellationToken);
}
