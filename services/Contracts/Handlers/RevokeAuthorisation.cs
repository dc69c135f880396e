namespace Crm.Contracts.Handlers;

/// <summary>The store manager ends an authorisation before its last day; it stays on record as revoked.</summary>
public sealed class RevokeAuthorisation(ContractDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<RecipientAuthorisation>> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var authorisation = await db.Authorisations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authorisation is null) return Violation.NotFound("authorisation");
        if (authorisation.Revoke(await db.PersonAsync(scope, cancellationToken), clock.GetUtcNow()) is { } refused) return refused;
        await db.SaveChangesAsync(cancellationToken);
        return authorisation;
    }
}
