using System.Security.Cryptography;

namespace Crm.Gateway.Domain;

/// <summary>
/// A staff member's signed-in session: begun by a sign-in, it lets its refresh token fetch new 15-minute
/// access tokens until it ends — signed out, or <see cref="Lifetime"/> after the sign-in. Only the refresh
/// token's SHA-256 is kept; an ended session stays on record (who, from where, when, why it ended).
/// </summary>
public sealed class StaffSession
{
    /// <summary>How long one sign-in lasts at most: a working day at the front desk.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public const string TokenPrefix = "crs_";

    public Guid Id { get; private init; }
    public Guid UserId { get; private init; }
    public string TokenHash { get; private init; } = "";
    public DateTimeOffset StartedAt { get; private init; }
    public DateTimeOffset ExpiresAt { get; private init; }
    public string? RemoteAddress { get; private init; }
    public DateTimeOffset? LastRefreshedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>A new session and its refresh token, which is shown to the caller once.</summary>
    public static (StaffSession Session, string RefreshToken) Begin(Guid userId, DateTimeOffset now, string? remoteAddress)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        // To the microsecond, as the database keeps it: the sign-in and every refresh answer the same end.
        now = new DateTimeOffset(now.Ticks - now.Ticks % 10, now.Offset);
        return (new StaffSession
        {
            Id = Guid.CreateVersion7(), UserId = userId, TokenHash = Hash(token), StartedAt = now, ExpiresAt = now + Lifetime,
            RemoteAddress = remoteAddress,
        }, token);
    }

    public static string Hash(string refreshToken) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));

    public bool IsOpen(DateTimeOffset now) => EndedAt is null && now < ExpiresAt;

    public void Refreshed(DateTimeOffset now) => LastRefreshedAt = now;

    /// <summary>Ends the session; ending an ended one changes nothing.</summary>
    public void End(DateTimeOffset now, string reason)
    {
        if (EndedAt is not null) return;
        (EndedAt, EndReason) = (now, reason);
    }
}
