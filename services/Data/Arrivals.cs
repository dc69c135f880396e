using System.Globalization;
using Crm.Http;
using Microsoft.Extensions.Options;

namespace Crm.Data;

public sealed class ArrivalOptions
{
    /// <summary>How long a request waits for a record another service announced a moment ago ("Consistency:ArrivalWait").</summary>
    public TimeSpan ArrivalWait { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How young a record's id must be for it to be possibly on its way ("Consistency:RecentWindow").</summary>
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Whether a record another service announced is here, still on its way, or unknown.</summary>
public enum Arrival
{
    Here,
    OnItsWay,
    Unknown,
}

/// <summary>
/// Reading one's own writes across services. A service learns of stores, customers and designers from
/// events, a moment after the service that owns them answered. When a request names such a record and it
/// is not here yet, but its id was made a moment ago (ids are UUIDv7, which carry their creation time),
/// the request waits a bounded time for it; if it still has not arrived, the answer is 503 "not-yet-arrived"
/// with Retry-After, never "it does not exist". An id that is not recent is unknown at once.
/// </summary>
public sealed class Arrivals(IOptions<ArrivalOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    public async Task<Arrival> AwaitAsync(Guid id, Func<CancellationToken, Task<bool>> isHere, CancellationToken cancellationToken)
    {
        if (await isHere(cancellationToken)) return Arrival.Here;
        if (!IsRecent(id)) return Arrival.Unknown;
        var deadline = clock.GetUtcNow() + options.Value.ArrivalWait;
        while (clock.GetUtcNow() < deadline)
        {
            await Task.Delay(Poll, clock, cancellationToken);
            if (await isHere(cancellationToken)) return Arrival.Here;
        }
        return Arrival.OnItsWay;
    }

    /// <summary>
    /// The 503 answer for a record announced a moment ago that has still not arrived; null once it is here, or when
    /// its id is not recent (the caller's own lookup then says whether it exists).
    /// </summary>
    public async Task<Violation?> NotYetArrivedAsync(Guid id, string what, Func<CancellationToken, Task<bool>> isHere, CancellationToken cancellationToken) =>
        await AwaitAsync(id, isHere, cancellationToken) == Arrival.OnItsWay ? Violation.NotYetArrived(what) : null;

    /// <summary>Whether the id is a UUIDv7 made within the recent window (a little clock skew allowed).</summary>
    public bool IsRecent(Guid id)
    {
        var text = id.ToString("N");
        if (text[12] != '7') return false;
        var created = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var now = clock.GetUtcNow();
        return created > now - options.Value.RecentWindow && created < now + TimeSpan.FromMinutes(1);
    }
}

public static class ArrivalRegistration
{
    public static IServiceCollection AddArrivals(this IServiceCollection services)
    {
        services.AddOptions<ArrivalOptions>().BindConfiguration("Consistency");
        services.AddSingleton<Arrivals>();
        return services;
    }
}
