namespace Crm.Messaging;

/// <summary>Who this service is on the bus: its queues are "{Name}-…", its replay queue "{Name}-replay".</summary>
public sealed record MessagingEndpoint(string Name)
{
    public string ReplayQueue => ReplayQueueOf(Name);

    public static string ReplayQueueOf(string subscriber) => subscriber + "-replay";
}

/// <summary>The service's event archive: the sent outbox rows, kept for replay.</summary>
public interface IEventArchive
{
    /// <summary>
    /// Sends the archived events, in commit order, optionally only those written since a time, to one
    /// subscriber's replay queue; answers how many were sent. The subscriber's inbox drops what it has applied.
    /// </summary>
    Task<long> ReplayAsync(string subscriber, DateTimeOffset? since, CancellationToken cancellationToken);
}

public sealed class EventArchive<TDbContext>(IServiceScopeFactory scopes, DatabaseShards shards, IBus bus, ILogger<EventArchive<TDbContext>> logger) : IEventArchive
    where TDbContext : DbContext, IMessagingDbContext
{
    private const int PageSize = 500;

    public async Task<long> ReplayAsync(string subscriber, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        // To the exchange in front of the subscriber's replay queue, which the subscriber declared (and bound) before it could
        // ask: a "queue:" address would declare the queue here as well, as a classic queue, and the broker refuses that for a
        // quorum queue (BrokerOptions.QuorumQueues).
        var endpoint = await bus.GetSendEndpoint(new Uri("exchange:" + MessagingEndpoint.ReplayQueueOf(subscriber)));
        long sent = 0;
        // Shard by shard: a store's events are all in its shard's outbox, in their order; events of different stores
        // keep no order between them.
        foreach (var shard in shards.Names)
        {
            long after = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                scope.ServiceProvider.GetRequiredService<ShardRoute>().Use(db, shard);
                var archive = db.OutboxMessages.AsNoTracking().Where(m => m.SentAt != null && m.Sequence > after);
                if (since is { } from) archive = archive.Where(m => m.CreatedAt >= from);
                var page = await archive.OrderBy(m => m.Sequence).Take(PageSize).ToListAsync(cancellationToken);
                foreach (var row in page)
                {
                    var (message, type, error) = MessageJson.Read(row);
                    if (error is not null)
                    {
                        logger.LogWarning("Archived event #{Sequence} of shard {Shard} is not replayed: {Error}", row.Sequence, shard, error);
                        continue;
                    }
                    // The original id: a subscriber that applied the event already skips it.
                    await endpoint.Send(message!, type!, Pipe.Execute<SendContext>(context => context.MessageId = row.MessageId), cancellationToken);
                    sent++;
                }
                if (page.Count < PageSize) break;
                after = page[^1].Sequence;
            }
        }
        logger.LogInformation("Replayed {Count} archived events to {Subscriber}", sent, subscriber);
        return sent;
    }
}

/// <summary>Answers another service's request for the archive (its first start, or an operator's rebuild).</summary>
public sealed class ArchiveReplayRequestedConsumer(IEventArchive archive, MessagingEndpoint self) : IConsumer<ArchiveReplayRequested>
{
    public async Task Consume(ConsumeContext<ArchiveReplayRequested> context)
    {
        if (context.Message.Subscriber == self.Name) return;
        await archive.ReplayAsync(context.Message.Subscriber, context.Message.Since, context.CancellationToken);
    }
}

/// <summary>
/// On the service's first start, asks every other service for its archive: what they announced before
/// this service's queues existed reaches it all the same. The request goes through the outbox, so it is
/// published once the bus is ready, after this service's queues are bound.
/// </summary>
public sealed class ArchiveReplayOnFirstStart<TDbContext>(IServiceScopeFactory scopes, MessagingEndpoint self, TimeProvider clock, ILogger<ArchiveReplayOnFirstStart<TDbContext>> logger)
    : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RequestOnceAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be there yet (it is migrated by the setup step).
                var delay = backoff.NextDelay();
                logger.LogWarning(ex, "Could not check for the first start's archive replay; trying again in {Delay}", delay);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task RequestOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        if (await db.OutboxMessages.AnyAsync(m => m.MessageType == EF.Constant(MessagingModel.ReplayRequestType), cancellationToken)) return;
        db.Publish(new ArchiveReplayRequested { Subscriber = self.Name, RequestedAt = clock.GetUtcNow() }, clock);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("First start of {Service}: asked the other services for their event archives", self.Name);
    }
}
