namespace Crm.Contracts.Handlers;

/// <summary>
/// The store manager authorises a staff member of the store to receive contract forms through a last day; the
/// authorisation can be revoked, never deleted.
/// </summary>
public sealed class GrantAuthorisation(ContractDbContext db, Arrivals arrivals, StoreScope scope, TimeProvider clock)
{
    public sealed record Command(Guid StoreId, Guid UserId, DateOnly Until);

    public async Task<Outcome<RecipientAuthorisation>> HandleAsync(Command command, CancellationToken cancellationToken)
    {
        var found = await db.StoreAsync(arrivals, command.StoreId, Violation.Invalid("storeId", "No store with that id."), cancellationToken);
        if (!found.Succeeded) return found.Violation;
        var store = found.Value;
        if (await arrivals.NotYetArrivedAsync(command.UserId, "staff account", ct => db.Staff.AnyAsync(s => s.Id == command.UserId, ct), cancellationToken) is { } arriving)
            return arriving;
        var person = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.UserId && s.StoreId == command.StoreId && s.Active, cancellationToken);
        if (person is null) return Violation.Invalid("userId", "No active staff member of the store with that id.");
        var now = clock.GetUtcNow();
        if (command.Until < store.LocalDate(now)) return Violation.Invalid("until", "The last day cannot be in the past.");

        var authorisation = RecipientAuthorisation.Grant(command.StoreId, person.AsPerson(), command.Until, await db.PersonAsync(scope, cancellationToken), now);
        db.Authorisations.Add(authorisation);
        await db.SaveChangesAsync(cancellationToken);
        return authorisation;
    }
}
