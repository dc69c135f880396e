using System.Security.Cryptography;
using System.Text;

namespace Crm.Partners.Domain;

/// <summary>
/// How a webhook proves it comes from the chain: HMAC-SHA256, keyed with the partner's webhook secret, of the
/// timestamp (Unix seconds), a full stop and the raw body; sent as "sha256=" and the lowercase hex digest in
/// X-Signature, with the timestamp in X-Signature-Timestamp. A receiver recomputes it and refuses old timestamps.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Signature";
    public const string TimestampHeader = "X-Signature-Timestamp";
    public const string DeliveryHeader = "X-Delivery-Id";
    public const string Scheme = "sha256=";

    public static string Sign(string secret, long timestamp, string body)
    {
        var digest = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return Scheme + Convert.ToHexStringLower(digest);
    }

    /// <summary>What a receiver does: the same signature, compared in constant time, and a timestamp within the tolerance.</summary>
    public static bool Verify(string secret, string? timestamp, string body, string? signature, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var seconds) || signature is null) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, seconds, body)), Encoding.ASCII.GetBytes(signature));
    }
}
