using System.Diagnostics;

namespace Crm.Messaging.Tests;

/// <summary>The connection to the broker is cut after the bus was up, and the broker takes connections again later.</summary>
public sealed class BusReconnectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);
    private TcpGate _gate = null!;
    private MessagingHost _host = null!;

    public async Task InitializeAsync()
    {
        var broker = new Uri(TestServers.RabbitMq);
        _gate = new TcpGate(broker.Host, broker.Port, open: true);
        var behindGate = new UriBuilder(broker) { Port = _gate.Port }.Uri.ToString();
        _host = await MessagingHost.StartAsync(await TestServers.CreateDatabaseAsync("reconnect"), behindGate, TestServers.EntityPrefix,
            new Dictionary<string, string?> { ["Messaging:ReconnectInterval"] = "00:00:01" });
        await _host.WhenBusReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _gate.DisposeAsync();
    }

    [Fact]
    public async Task While_the_broker_is_away_the_bus_tries_again_at_the_set_interval_and_then_delivers()
    {
        _gate.Close();
        // The attempts the gate turns away, watched over the outage. Left to itself MassTransit would try
        // about 6, 9, 15 and 27 s apart; at an interval of 1 s (plus its own 1 s pause) no gap reaches 4 s.
        var clock = Stopwatch.StartNew();
        var attempts = new List<TimeSpan>();
        var seen = _gate.Refused;
        await Eventually.Holds(() =>
        {
            for (; seen < _gate.Refused; seen++) attempts.Add(clock.Elapsed);
            return clock.Elapsed >= Outage;
        }, Outage + Patience, "the outage to pass");

        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.True(attempts.Count >= 8, $"{attempts.Count} attempts in {Outage.TotalSeconds} s");
        Assert.True(gaps.Max() < TimeSpan.FromSeconds(4), $"largest gap between attempts {gaps.Max().TotalSeconds:0.0} s");
        Assert.True(attempts[^1] > Outage - TimeSpan.FromSeconds(4), $"last attempt at {attempts[^1].TotalSeconds:0.0} s");

        _gate.Open();
        await _host.WhenBusReadyAsync();
        var opened = MessagingHost.NewEvent();
        await _host.CommitAsync(opened);
        await Eventually.Holds(async () => await _host.TimesAppliedAsync(opened.StoreId) == 1, Patience, "the event to be delivered");
    }
}
