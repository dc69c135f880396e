namespace Crm.Gateway.Domain;

/// <summary>
/// The requests one caller (a partition: a user, a partner, an address) has made in its current one-minute window.
/// Kept in the gateway's database so that every instance of the gateway counts the same requests.
/// </summary>
public sealed class RateLimitWindow
{
    public required string Partition { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public int Count { get; init; }
}
