using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// A consumer that applies each message once: the message id is recorded in the inbox in the same
/// transaction as the consumer's changes and the events they cause, so a redelivered (or replayed)
/// message is acknowledged and skipped.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected TDbContext Db => db;
    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
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
        Committed();
    }

    private static bool InboxBypassed(ConsumeContext context) =>
        context.TryGetPayload(out IServiceScope? scope) && scope.ServiceProvider.GetService<IOptions<InboxOptions>>()?.Value.Bypass == true;

    /// <summary>Called once the message's changes are committed (or were, by an earlier delivery).</summary>
    protected virtual void Committed() { }

    /// <summary>Applies the message to the tracked entities of <see cref="Db"/>; the base class saves.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context);
}
