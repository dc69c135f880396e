using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Crm.Messaging.Tests;

/// <summary>
/// Messaging:QuorumQueues: a service declares its consumer queues, replay queue and _error queue as quorum queues
/// (a single broker node holds quorum queues too), and another service's archive still reaches its replay queue.
/// The broker itself tells the type: declaring the same queue as a classic queue is refused.
/// </summary>
public sealed class QuorumQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, string?> Quorum = new() { ["Messaging:QuorumQueues"] = "true" };
    private MessagingHost _classic = null!;
    private MessagingHost _quorum = null!;

    public async Task InitializeAsync()
    {
        // Exchange names of their own: an event either host commits reaches no other host, here or in other tests, so
        // the quorum host hears the classic host's event only through the replay, and a failing event fails only here.
        _classic = await MessagingHost.StartAsync(await TestServers.CreateDatabaseAsync("quorum-source"), TestServers.RabbitMq, $"{TestServers.EntityPrefix}-classic");
        _quorum = await MessagingHost.StartAsync(await TestServers.CreateDatabaseAsync("quorum"), TestServers.RabbitMq, $"{TestServers.EntityPrefix}-quorum", Quorum);
        await _classic.WhenBusReadyAsync();
        await _quorum.WhenBusReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _quorum.DisposeAsync();
        await _classic.DisposeAsync();
    }

    [Fact]
    public async Task The_consumer_and_replay_queues_are_quorum_queues_and_a_classic_hosts_are_not()
    {
        Assert.Equal("quorum", await QueueTypeAsync(_quorum.ConsumerQueue));
        Assert.Equal("quorum", await QueueTypeAsync($"{_quorum.Name}-replay"));
        Assert.Equal("classic", await QueueTypeAsync(_classic.ConsumerQueue));
        Assert.Equal("classic", await QueueTypeAsync($"{_classic.Name}-replay"));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_a_quorum_error_queue()
    {
        var doomed = MessagingHost.NewEvent(StoreOpenedRecorder.Unappliable);
        await _quorum.CommitAsync(doomed);

        var errorQueue = _quorum.ConsumerQueue + "_error";
        await Eventually.Holds(async () => await BrokerQueues.MessagesInAsync(errorQueue) >= 1, Patience, "the failed message in the error queue");
        Assert.Equal("quorum", await QueueTypeAsync(errorQueue));
    }

    [Fact]
    public async Task Another_services_archive_reaches_the_quorum_replay_queue()
    {
        var opened = MessagingHost.NewEvent();
        await _classic.CommitAsync(opened);
        await Eventually.Holds(async () => await _classic.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)) == 1, Patience, "the event to be sent");

        var replayed = await _classic.Services.GetRequiredService<IEventArchive>().ReplayAsync(_quorum.Name, since: null, CancellationToken.None);

        Assert.Equal(1, replayed);
        await Eventually.Holds(async () => await _quorum.TimesAppliedAsync(opened.StoreId) == 1, Patience, "the replayed event to be applied");
        Assert.Equal(1, _quorum.Deliveries.Finished(await _classic.InScopeAsync(db => db.OutboxMessages.Select(m => m.MessageId).SingleAsync())));
        Assert.Equal("quorum", await QueueTypeAsync($"{_quorum.Name}-replay"));
    }

    /// <summary>"quorum" when the broker refuses the queue declared as a classic queue, "classic" when it accepts it unchanged.</summary>
    private static async Task<string> QueueTypeAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestServers.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" });
            return "classic";
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406 && ex.Message.Contains("x-queue-type"))
        {
            return ex.Message.Contains("'quorum'") ? "quorum" : throw new InvalidOperationException(ex.Message, ex);
        }
    }

}
