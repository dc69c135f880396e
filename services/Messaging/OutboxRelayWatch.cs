using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// Notices a relay that has stopped for good: one batch still publishing long after every publish in it should have
/// been confirmed or given up (<see cref="OutboxOptions.StallAfter"/>). A publish can hang that way on a broker
/// connection whose node's network was cut (README, "Known problem: a node's network cut under load"). Reported on
/// <c>/alive</c> as well as <c>/health</c>, so that the orchestrator restarts the instance; its events wait safely in
/// the outbox meanwhile. A broker that is simply away is not a stall: its publishes fail within the publish timeout.
/// Timed by the monotonic clock, never by the service's (trial) clock.
/// </summary>
public sealed class OutboxRelayWatch(TimeProvider monotonic, IOptions<OutboxOptions> options) : IHealthCheck
{
    private readonly ConcurrentDictionary<string, long> _batchStarted = new(StringComparer.Ordinal);

    /// <summary>Marks a shard's batch as publishing until the result is disposed.</summary>
    public IDisposable Batch(string shard)
    {
        _batchStarted[shard] = monotonic.GetTimestamp();
        return new BatchEnd(this, shard);
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stallAfter = options.Value.StallAfter;
        var stalled = _batchStarted
            .Select(batch => (Shard: batch.Key, For: monotonic.GetElapsedTime(batch.Value)))
            .Where(batch => batch.For > stallAfter)
            .OrderBy(batch => batch.Shard, StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(stalled.Count == 0
            ? HealthCheckResult.Healthy("The outbox relay is not stuck")
            : HealthCheckResult.Unhealthy(
                $"The outbox relay has been publishing one batch for longer than {stallAfter} ({string.Join(", ", stalled.Select(b => $"shard {b.Shard}: {b.For:hh\\:mm\\:ss}"))}): " +
                "restart this instance; its events wait in the outbox."));
    }

    private sealed class BatchEnd(OutboxRelayWatch watch, string shard) : IDisposable
    {
        public void Dispose() => watch._batchStarted.TryRemove(shard, out _);
    }
}
