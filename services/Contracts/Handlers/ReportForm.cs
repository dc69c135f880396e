namespace Crm.Contracts.Handlers;

/// <summary>An approved form goes to a finance staff member serving its store, with a transfer record.</summary>
public sealed class ReportForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public Task<Outcome<ContractForm>> HandleAsync(string serial, Guid financeUserId, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, async (form, me) =>
        {
            var finance = await db.Staff.FirstOrDefaultAsync(s => s.Id == financeUserId, cancellationToken);
            if (RecipientRule.FinanceRefusal(finance, form.StoreId) is { } refused) return refused;
            return form.Report(finance!.AsPerson(), me, clock.GetUtcNow());
        }, cancellationToken);
}
