using System.Reflection;
using MassTransit.Configuration;

namespace Crm.Messaging;

/// <summary>
/// How often a receive endpoint tries to reach the broker again after losing it. MassTransit's RabbitMQ
/// transport waits ever longer between attempts, up to 30 s, and never starts that backoff over for the life of
/// the process; after a broker restart of ten seconds the bus stayed away for up to a minute while the broker was
/// already taking connections, and every later outage started at 30 s. MassTransit 8.5 has no setting for it
/// (its host configuration builds the policy itself), so this replaces the policy in the host configuration
/// the bus is built from, keeping MassTransit's own choice of which failures are retried. MassTransit stays on
/// 8.5.12 (later versions need a paid licence); BusReconnectionTests fails if this stops taking effect.
/// </summary>
public static class ReconnectInterval
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(2);

    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>Sets the interval; false when this version of MassTransit keeps the policy elsewhere.</summary>
    public static bool TryApply(IRabbitMqBusFactoryConfigurator rabbit, TimeSpan interval)
    {
        var host = rabbit.GetType().GetField("_hostConfiguration", Private)?.GetValue(rabbit);
        var policyField = host?.GetType().GetField($"<{nameof(IHostConfiguration.ReceiveTransportRetryPolicy)}>k__BackingField", Private);
        if (host is null || policyField?.GetValue(host) is not IRetryPolicy retried) return false;

        // Every failure MassTransit retries is retried at the steady interval (plus its own one-second pause).
        policyField.SetValue(host, Retry.CreatePolicy(x =>
        {
            x.Handle<Exception>(retried.IsHandled);
            x.Interval(1000, interval);
        }));
        return true;
    }
}
