namespace Crm.Partners.Domain;

/// <summary>
/// One of a partner's API keys. Only its hash is kept: the key itself is shown once, when issued. A partner may
/// hold several (to rotate without a gap); a revoked key is kept, refused, with who revoked it and when.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "crm_";
    /// <summary>How much of a key is kept in clear, so that staff and partner can tell keys apart.</summary>
    public const int ShownLength = 10;

    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Hint { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string? Label { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    /// <summary>When the gateway last looked the key up (it keeps an answer for a short while, so to within that).</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool Revoked => RevokedAt is not null;

    public static (ApiKey Key, string Secret) Issue(Guid partnerId, string? label, string by, DateTimeOffset now)
    {
        var secret = Secrets.New(Prefix);
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), PartnerId = partnerId, Hint = secret[..ShownLength], Hash = Secrets.Hash(secret),
            Label = label, CreatedAt = now, CreatedBy = by,
        };
        return (key, secret);
    }

    public void Revoke(string by, DateTimeOffset now) => (RevokedAt, RevokedBy) = (RevokedAt ?? now, RevokedBy ?? by);

    public void Used(DateTimeOffset now) => LastUsedAt = now;
}
