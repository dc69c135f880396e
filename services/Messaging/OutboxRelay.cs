using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker. A row is marked sent only after the broker confirmed
/// it; a crash in between publishes it again, and the consumers' inbox drops the copy. A batch is
/// published store by store side by side, each store's events in commit order; a row that cannot be
/// read is parked and never holds up the rows after it. Each database shard has its own relay.
/// </summary>
public sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    DatabaseShards shards,
    IBusControl bus,
    OutboxSignal signal,
    RelayCrashSwitch crashSwitch,
    OutboxRelayWatch watch,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    private static readonly ActivitySource Source = new("Crm.Messaging");
    private readonly OutboxOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.Bypass) logger.LogCritical("Messaging:Outbox:Bypass is on: events are published once and dropped when that fails. Never run a store like this.");
        return Task.WhenAll(shards.Names.Select(shard => RelayAsync(shard, stoppingToken)));
    }

    /// <summary>One shard's outbox, for as long as the service runs; a shard that fails backs off alone.</summary>
    private async Task RelayAsync(string shard, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var backoff = new Backoff(_options.MinBackoff, _options.MaxBackoff);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(shard, _options.PollInterval, stoppingToken);
                // Until the bus is connected and its endpoints are bound, a publish could reach an
                // exchange that no queue listens to yet: wait for it. Asking the bus is local and cheap,
                // so it is asked every MinBackoff, not ever more rarely: publishing resumes within a
                // moment of the broker's return.
                await WaitForBusAsync(stoppingToken);
                while (await RelayBatchAsync(shard, stoppingToken) == _options.BatchSize) { }
                backoff.Reset();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.NextDelay();
                logger.LogWarning(ex, "Outbox relay of shard {Shard} could not publish; retrying in {Delay}", shard, delay);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task WaitForBusAsync(CancellationToken stoppingToken)
    {
        if (_options.Bypass) return;
        var health = bus.CheckHealth();
        if (health.Status == BusHealthStatus.Healthy) return;
        logger.LogInformation("Outbox relay waits for the message bus: {Status}, {Description}", health.Status, health.Description);
        var waiting = Stopwatch.StartNew();
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
            await Task.Delay(_options.MinBackoff, stoppingToken);
        logger.LogInformation("Outbox relay resumes: the message bus is healthy again after {Waited}", waiting.Elapsed);
    }

    /// <summary>Publishes one batch of pending rows; returns how many it took.</summary>
    private async Task<int> RelayBatchAsync(string shard, CancellationToken cancellationToken)
    {
        // Polling is not worth a trace of its own every few seconds: its database spans hang under
        // an unrecorded parent, which samplers drop. Each publish continues its own request's trace.
        using var poll = new Activity("outbox poll") { ActivityTraceFlags = ActivityTraceFlags.None };
        poll.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        poll.Start();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        scope.ServiceProvider.GetRequiredService<ShardRoute>().Use(db, shard);
        var (taken, failure) = await db.Database.CreateExecutionStrategy().ExecuteAsync(() => RelayBatchAsync(db, shard, cancellationToken));
        // What was confirmed is saved; the first failure is reported after, so the relay backs off.
        if (failure is not null) throw failure;
        return taken;
    }

    private async Task<(int Taken, Exception? Failure)> RelayBatchAsync(TDbContext db, string shard, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SKIP LOCKED lets several instances of a service relay side by side without sending a row twice.
        var rows = await db.OutboxMessages
            .FromSql($"""SELECT * FROM "OutboxMessages" WHERE "SentAt" IS NULL AND "ParkedAt" IS NULL ORDER BY "Sequence" LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);

        var readable = new List<(OutboxMessage Row, object Message, Type Type)>();
        foreach (var row in rows)
        {
            var (message, type, error) = MessageJson.Read(row);
            if (error is null) readable.Add((row, message!, type!));
            else
            {
                row.Park(error, clock.GetUtcNow());
                logger.LogError("Outbox row {Sequence} ({MessageType}) of shard {Shard} is parked: {Error}", row.Sequence, row.MessageType, shard, error);
            }
        }

        Exception?[] failures;
        using (watch.Batch(shard))
            failures = await Task.WhenAll(readable
                .GroupBy(r => OrderingKey(r.Message))
                .Select(store => PublishInOrderAsync(store.ToList(), cancellationToken)));

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return (rows.Count, failures.FirstOrDefault(f => f is not null));
    }

    /// <summary>One store's rows, one after the other; stops at the first that fails, so none overtakes it.</summary>
    private async Task<Exception?> PublishInOrderAsync(List<(OutboxMessage Row, object Message, Type Type)> rows, CancellationToken cancellationToken)
    {
        foreach (var (row, message, type) in rows)
        {
            try
            {
                await PublishAsync(row, message, type, cancellationToken);
                crashSwitch.AfterConfirm(row.MessageId);
                row.MarkSent(clock.GetUtcNow());
            }
            catch (Exception ex) when (_options.Bypass && !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Event {MessageId} dropped: the outbox is bypassed", row.MessageId);
                row.MarkSent(clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return ex;
            }
        }
        return null;
    }

    /// <summary>Events of one store keep their order; other events (none yet) form one sequence of their own.</summary>
    private static Guid OrderingKey(object message) => message is IStoreEvent e ? e.StoreId : Guid.Empty;

    private async Task PublishAsync(OutboxMessage row, object message, Type type, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox publish " + type.Name, ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        // With publisher confirms on (MassTransit's default for RabbitMQ) this completes on the broker's ack.
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.MessageId), timeout.Token);
    }
}
