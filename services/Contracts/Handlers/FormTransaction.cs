namespace Crm.Contracts.Handlers;

/// <summary>
/// A move of one form under its row lock, in one transaction with its ledger line and any event: two moves of
/// the same form happen one after the other. A form of another store is not found; a refused move rolls back.
/// </summary>
internal static class FormTransaction
{
    public static Task<Outcome<ContractForm>> MoveFormAsync(
        this ContractDbContext db, string serial, Func<ContractForm, Task<Outcome<CustodyEntry>>> move, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var form = await db.LockFormAsync(serial, cancellationToken);
            if (form is null) return Violation.NotFound("contract form");
            var moved = await move(form);
            if (!moved.Succeeded) return moved.Violation;
            db.Custody.Add(moved.Value);
            return (Outcome<ContractForm>)form;
        }, outcome => outcome.Succeeded, cancellationToken);

    public static Task<Outcome<ContractForm>> MoveFormAsync(
        this ContractDbContext db, string serial, Func<ContractForm, Outcome<CustodyEntry>> move, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, form => Task.FromResult(move(form)), cancellationToken);
}

/// <summary>The caller as the ledger names them.</summary>
public static class Caller
{
    public static Person Person(this StoreScope scope) =>
        new(Guid.TryParse(scope.UserId, out var id) ? id : Guid.Empty, scope.ActorName);
}
