using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Messaging;

/// <summary>
/// Counts messages whose consumer still failed after its retries (they are in an _error queue),
/// as a metric and as a degraded health check, so an operator sees them.
/// </summary>
public sealed class FailedMessages : IReceiveObserver, IHealthCheck
{
    public const string MeterName = "Crm.Messaging";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "crm.messaging.consume.failures", description: "Messages that failed after all retries and went to an _error queue");

    private long _count;
    private string? _last;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        Interlocked.Increment(ref _count);
        _last = $"{typeof(T).Name} in {consumerType}: {exception.Message}";
        Failures.Add(1, new KeyValuePair<string, object?>("message_type", typeof(T).Name), new KeyValuePair<string, object?>("consumer", consumerType));
        return Task.CompletedTask;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = Interlocked.Read(ref _count);
        return Task.FromResult(count == 0
            ? HealthCheckResult.Healthy("No failed messages")
            : HealthCheckResult.Degraded($"{count} message(s) failed and were moved to an _error queue; last: {_last}"));
    }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;
    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;
    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
