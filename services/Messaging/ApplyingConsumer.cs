namespace Crm.Messaging;

/// <summary>How one kind of event changes a service's records; applied by its consumer, or later when a waiting event is released.</summary>
public interface IEventApplier<in TMessage>
{
    Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}

/// <summary>A consumer that applies its event once (the inbox), the same way a released waiting event is applied.</summary>
public abstract class ApplyingConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, TDbContext>(db, clock), IEventApplier<TMessage>
    where TMessage : class
    where TDbContext : DbContext, IMessagingDbContext
{
    protected override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) => ApplyAsync(message, context.CancellationToken);

    public abstract Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}
