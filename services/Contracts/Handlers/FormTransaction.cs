namespace Crm.Contracts.Handlers;

/// <summary>
/// A move of one form under its row lock, in one transaction with its ledger line and any event: two moves of
/// the same form happen one after the other. A form of another store is not found; a refused move rolls back.
/// </summary>
internal static class FormTransaction
{
    public static Task<Outcome<ContractForm>> MoveFormAsync(
        this ContractDbContext db, string serial, StoreScope scope, Func<ContractForm, Person, Task<Outcome<CustodyEntry>>> move, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async () =>
        {
            var form = await db.LockFormAsync(serial, cancellationToken);
            if (form is null) return Violation.NotFound("contract form");
            var moved = await move(form, await db.PersonAsync(scope, cancellationToken));
            if (!moved.Succeeded) return moved.Violation;
            db.Custody.Add(moved.Value);
            return (Outcome<ContractForm>)form;
        }, outcome => outcome.Succeeded, cancellationToken);

    public static Task<Outcome<ContractForm>> MoveFormAsync(
        this ContractDbContext db, string serial, StoreScope scope, Func<ContractForm, Person, Outcome<CustodyEntry>> move, CancellationToken cancellationToken) =>
        db.MoveFormAsync(serial, scope, (form, me) => Task.FromResult(move(form, me)), cancellationToken);
}

/// <summary>The caller as the ledger names them: by the display name their account announced, else by their sign-in name.</summary>
public static class Caller
{
    public static async Task<Person> PersonAsync(this ContractDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(scope.UserId, out var userId) ? userId : Guid.Empty;
        var name = await db.Staff.Where(s => s.Id == id).Select(s => s.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new Person(id, name ?? scope.ActorName);
    }
}
