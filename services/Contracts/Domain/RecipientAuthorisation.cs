namespace Crm.Contracts.Domain;

/// <summary>
/// The store manager's authorisation of a person to receive the store's contract forms, through a last day,
/// revocable. Never deleted: a revocation is recorded on it.
/// </summary>
public sealed class RecipientAuthorisation
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    /// <summary>The last store-local day the person may receive forms.</summary>
    public DateOnly Until { get; private set; }
    public string GrantedBy { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public static RecipientAuthorisation Grant(Guid storeId, Person person, DateOnly until, Person by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        UserId = person.Id,
        UserName = person.Name,
        Until = until,
        GrantedBy = by.Name,
        GrantedAt = now,
    };

    public bool InForceOn(DateOnly day) => RevokedAt is null && day <= Until;

    public Violation? Revoke(Person by, DateTimeOffset now)
    {
        if (RevokedAt is not null) return Violation.Transition($"The authorisation was revoked on {RevokedAt:yyyy-MM-dd}.");
        (RevokedAt, RevokedBy) = (now, by.Name);
        return null;
    }
}
