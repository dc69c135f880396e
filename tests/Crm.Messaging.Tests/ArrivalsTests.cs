using Crm.Data;
using Microsoft.Extensions.Options;

namespace Crm.Messaging.Tests;

/// <summary>Which ids may belong to a record still on its way: UUIDv7 made within the recent window.</summary>
public sealed class ArrivalsTests
{
    private static readonly Arrivals Arrivals = new(Options.Create(new ArrivalOptions { RecentWindow = TimeSpan.FromMinutes(2) }), TimeProvider.System);

    [Fact]
    public void A_version_7_id_made_now_is_recent()
    {
        Assert.True(Arrivals.IsRecent(Guid.CreateVersion7()));
    }

    [Fact]
    public void An_older_or_random_id_is_not()
    {
        Assert.False(Arrivals.IsRecent(Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-3))));
        Assert.False(Arrivals.IsRecent(Guid.CreateVersion7(DateTimeOffset.UtcNow.AddHours(1))));
        Assert.False(Arrivals.IsRecent(Guid.NewGuid()));
    }

    [Fact]
    public async Task A_record_not_recent_and_not_here_is_unknown_without_waiting()
    {
        var asked = 0;
        var arrival = await Arrivals.AwaitAsync(Guid.NewGuid(), _ => { asked++; return Task.FromResult(false); }, CancellationToken.None);

        Assert.Equal(Arrival.Unknown, arrival);
        Assert.Equal(1, asked);
    }
}
