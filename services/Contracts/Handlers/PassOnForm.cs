namespace Crm.Contracts.Handlers;

/// <summary>
/// Passes a form on, with its purpose and expected return, only to someone who may receive it (<see cref="RecipientRule"/>).
/// A refused passing-on changes nothing but is itself kept in the form's ledger.
/// </summary>
public sealed class PassOnForm(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(string Serial, Guid ToUserId, string Purpose, DateTimeOffset ExpectedReturnAt);

    public async Task<Outcome<ContractForm>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        Violation? refused = null;
        var moved = await db.MoveFormAsync(command.Serial, scope, async (form, me) =>
        {
            var now = clock.GetUtcNow();
            var recipient = await db.Staff.FirstOrDefaultAsync(s => s.Id == command.ToUserId, cancellationToken);
            var store = await db.Stores.SingleAsync(s => s.Id == form.StoreId, cancellationToken);
            var authorisations = await db.Authorisations.Where(a => a.StoreId == form.StoreId && a.UserId == command.ToUserId).ToListAsync(cancellationToken);
            refused = RecipientRule.Refusal(recipient, form.StoreId, authorisations, store.LocalDate(now));
            if (refused is not null) return refused;
            return form.PassOn(recipient!.AsPerson(), command.Purpose, command.ExpectedReturnAt, me, now);
        }, cancellationToken);

        if (refused is not null) await RecordRefusalAsync(command, cancellationToken);
        return moved;
    }

    /// <summary>The refused attempt on record, after the move's transaction rolled back.</summary>
    private async Task RecordRefusalAsync(Command command, CancellationToken cancellationToken)
    {
        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Serial == command.Serial, cancellationToken);
        var recipient = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.ToUserId, cancellationToken);
        var to = recipient?.AsPerson() ?? new Person(command.ToUserId, "unknown");
        db.Custody.Add(CustodyEntry.Refused(form, to, command.Purpose, await db.PersonAsync(scope, cancellationToken), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
