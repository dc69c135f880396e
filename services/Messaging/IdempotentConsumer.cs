using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// A consumer that applies each message once: the message id is recorded in the inbox in the same
/// transaction as the consumer's changes and the events they cause, so a redelivered (or replayed)
/// message is acknowledged and skipped. With several database shards, a store's message is applied on the
/// store's shard (<see cref="ShardRoute"/>), with the inbox row there.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected TDbContext Db => db;
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        try
        {
            await RouteAndApplyAsync(context);
        }
        catch
        {
            await AbandonedAsync();
            throw;
        }
        await CommittedAsync();
    }

    private async Task RouteAndApplyAsync(ConsumeContext<TMessage> context)
    {
        var route = context.TryGetPayload(out IServiceScope? scope) ? scope.ServiceProvider.GetService<ShardRoute>() : null;
        if (route is not null && context.Message is StoreOpened opened)
            await scope!.ServiceProvider.GetRequiredService<StorePlacements>().PlaceAsync(opened.StoreId, opened.Shard, opened.OpenedAt, context.CancellationToken);
        if (route is null || route.Shards.Single) await ApplyAsync(context);
        else if (OnEveryShard)
        {
            foreach (var shard in route.Shards.Names)
            {
                route.Use(db, shard);
                await ApplyAsync(context);
            }
        }
        else
        {
            // A store's message is applied on the store's shard; one about the chain, at home.
            if (context.Message is IStoreEvent storeEvent)
            {
                try
                {
                    await route.UseStoreAsync(db, storeEvent.StoreId, context.CancellationToken);
                }
                catch (StoreMovingException) when (db.Model.FindEntityType(typeof(MovingStoreMessage)) is not null)
                {
                    await ParkWhileMovingAsync(context, route, storeEvent.StoreId);
                    return;
                }
            }
            else route.Use(db, DatabaseShards.Home);
            await ApplyAsync(context);
        }
    }

    /// <summary>
    /// Keeps a message of a store that is being moved in the home database, to be sent again when the move is done
    /// (<see cref="StoreMoveMessages"/>): however long the copy takes, nothing waits in the queue or ends in _error.
    /// </summary>
    private async Task ParkWhileMovingAsync(ConsumeContext<TMessage> context, ShardRoute route, Guid storeId)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be kept for later.");
        route.Use(db, DatabaseShards.Home);
        var parked = MovingStoreMessage.Park(storeId, messageId, GetType().FullName!, context.ReceiveContext.InputAddress, context.Message, clock.GetUtcNow());
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "MovingStoreMessages" ("StoreId", "MessageId", "Consumer", "InputAddress", "MessageType", "Body", "ParkedAt")
            VALUES ({parked.StoreId}, {parked.MessageId}, {parked.Consumer}, {parked.InputAddress}, {parked.MessageType}, CAST({parked.Body} AS jsonb), {parked.ParkedAt})
            ON CONFLICT DO NOTHING
            """, context.CancellationToken);
    }

    /// <summary>
    /// Whether the message is applied on every shard, each with its own inbox row: copies of what the whole chain
    /// shares (staff accounts), which a store's rows on any shard refer to.
    /// </summary>
    protected virtual bool OnEveryShard => false;

    private async Task ApplyAsync(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be applied once.");
        var consumer = GetType().FullName!;
        var cancellation = context.CancellationToken;
        var remember = !InboxBypassed(context);
        // On a transient fault the strategy runs the whole unit again; a commit whose answer was lost
        // is recognised by its inbox row instead of being applied a second time.
        await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                // A concurrent copy of the same message waits here on the key, then finds it taken.
                var fresh = !remember || await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "InboxMessages" ("MessageId", "Consumer", "ProcessedAt", "HandledBy") VALUES ({messageId}, {consumer}, {clock.GetUtcNow()}, {ServiceInstance.Name}) ON CONFLICT DO NOTHING""", ct) == 1;
                if (!fresh) return;
                await HandleAsync(context.Message, context);
                await db.SaveChangesAsync(ct);
            },
            ct => remember ? db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct) : Task.FromResult(false),
            cancellation);
    }

    private static bool InboxBypassed(ConsumeContext context) =>
        context.TryGetPayload(out IServiceScope? scope) && scope.ServiceProvider.GetService<IOptions<InboxOptions>>()?.Value.Bypass == true;

    /// <summary>Called once the message's changes are committed (or were, by an earlier delivery).</summary>
    protected virtual Task CommittedAsync() => Task.CompletedTask;

    /// <summary>Called when this delivery's changes were not committed: what the handler took outside the database is given back.</summary>
    protected virtual Task AbandonedAsync() => Task.CompletedTask;

    /// <summary>Applies the message to the tracked entities of <see cref="Db"/>; the base class saves.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
