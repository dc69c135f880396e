using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker. A row is marked sent only after the broker
/// confirmed it; a crash in between publishes it again, and the consumers' inbox drops the copy.
/// </summary>
public sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    private static readonly ActivitySource Source = new("Crm.Messaging");
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(_options.MinBackoff, _options.MaxBackoff);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
                // Until the bus is connected and its endpoints are bound, a publish could reach an
                // exchange that no queue listens to yet: wait for it, backing off.
                while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
                {
                    var wait = backoff.NextDelay();
                    logger.LogDebug("Outbox relay waits {Delay} for the message bus", wait);
                    await Task.Delay(wait, stoppingToken);
                }
                while (await PublishBatchAsync(stoppingToken) == _options.BatchSize) { }
                backoff.Reset();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.NextDelay();
                logger.LogWarning(ex, "Outbox relay could not publish; retrying in {Delay}", delay);
                try { await Task.Delay(delay, stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Publishes one batch of pending rows; returns how many it took.</summary>
    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        // Polling is not worth a trace of its own every few seconds: its database spans hang under
        // an unrecorded parent, which samplers drop. Each publish continues its own request's trace.
        using var poll = new Activity("outbox poll") { ActivityTraceFlags = ActivityTraceFlags.None };
        poll.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        poll.Start();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => PublishBatchAsync(db, cancellationToken));
    }

    private async Task<int> PublishBatchAsync(TDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // SKIP LOCKED lets several instances of a service relay side by side without sending a row twice.
        var rows = await db.OutboxMessages
            .FromSql($"""SELECT * FROM "OutboxMessages" WHERE "SentAt" IS NULL ORDER BY "Sequence" LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED""")
            .ToListAsync(cancellationToken);
        try
        {
            foreach (var row in rows)
            {
                await PublishAsync(row, cancellationToken);
                row.MarkSent(clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        finally
        {
            // Keep what was confirmed even when a later row of the batch failed.
            await transaction.CommitAsync(CancellationToken.None);
        }
        return rows.Count;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = MessageJson.ResolveType(row.MessageType);
        var message = type is null ? null : System.Text.Json.JsonSerializer.Deserialize(row.Body, type, MessageJson.Options);
        if (type is null || message is null)
        {
            row.MarkFailed($"Unknown message type {row.MessageType}");
            throw new InvalidOperationException($"Outbox row {row.Sequence} has an unknown message type {row.MessageType}");
        }

        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("outbox publish " + type.Name, ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        // With publisher confirms on (MassTransit's default for RabbitMQ) this completes on the broker's ack.
        await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = row.MessageId;
        }), timeout.Token);
    }
}
