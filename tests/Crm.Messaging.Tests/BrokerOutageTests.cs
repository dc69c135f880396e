namespace Crm.Messaging.Tests;

/// <summary>The broker is unreachable (behind a closed gate) when the event is committed, and comes back later.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private TcpGate _gate = null!;
    private MessagingHost _host = null!;

    public async Task InitializeAsync()
    {
        var broker = new Uri(TestServers.RabbitMq);
        _gate = new TcpGate(broker.Host, broker.Port, open: false);
        var behindGate = new UriBuilder(broker) { Port = _gate.Port }.Uri.ToString();
        _host = await MessagingHost.StartAsync(
            await TestServers.CreateDatabaseAsync("outage"), behindGate, TestServers.EntityPrefix);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _gate.DisposeAsync();
    }

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var opened = MessagingHost.NewEvent();
        await _host.InScopeAsync(async db =>
        {
            db.Publish(opened, TimeProvider.System);
            return await db.SaveChangesAsync();
        });
        var refusedAtCommit = _gate.Refused;

        // Several connection attempts were turned away since the commit: the row must still be waiting.
        await Eventually.Holds(() => _gate.Refused >= refusedAtCommit + 3, Patience, "attempts to reach the broker");
        var pending = await _host.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null));
        Assert.Equal(1, pending);
        Assert.Equal(0, await _host.TimesAppliedAsync(opened.StoreId));

        _gate.Open();
        await _host.WhenBusReadyAsync();

        await Eventually.Holds(async () => await _host.TimesAppliedAsync(opened.StoreId) == 1, Patience, "the event to be delivered");
        await Eventually.Holds(async () => await _host.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt == null)) == 0,
            Patience, "the row to be marked sent");
    }
}
