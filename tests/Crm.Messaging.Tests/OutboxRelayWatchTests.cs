using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crm.Messaging.Tests;

/// <summary>A relay whose batch goes on publishing past StallAfter is reported unhealthy on /alive, so that it is restarted.</summary>
public sealed class OutboxRelayWatchTests
{
    private sealed class ManualClock : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Elapsed.Ticks;
    }

    private readonly ManualClock _clock = new();
    private readonly OutboxRelayWatch _watch;

    public OutboxRelayWatchTests() =>
        _watch = new OutboxRelayWatch(_clock, Options.Create(new OutboxOptions { StallAfter = TimeSpan.FromMinutes(2) }));

    private async Task<(HealthStatus Status, string? Description)> CheckAsync()
    {
        var result = await _watch.CheckHealthAsync(new HealthCheckContext());
        return (result.Status, result.Description);
    }

    [Fact]
    public async Task A_batch_publishing_past_the_limit_is_unhealthy_until_it_ends()
    {
        var batch = _watch.Batch("shard2");
        _clock.Elapsed = TimeSpan.FromSeconds(120);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);

        _clock.Elapsed = TimeSpan.FromSeconds(121);
        var stuck = await CheckAsync();
        Assert.Equal(HealthStatus.Unhealthy, stuck.Status);
        Assert.Equal("The outbox relay has been publishing one batch for longer than 00:02:00 (shard shard2: 00:02:01): restart this instance; its events wait in the outbox.", stuck.Description);

        batch.Dispose();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }

    [Fact]
    public async Task Batches_that_end_in_time_never_count_as_stuck()
    {
        for (var i = 0; i < 3; i++)
        {
            using (_watch.Batch("home")) _clock.Elapsed += TimeSpan.FromSeconds(100);
            _clock.Elapsed += TimeSpan.FromSeconds(100);
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync()).Status);
    }
}
