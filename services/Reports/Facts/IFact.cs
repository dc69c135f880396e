using MassTransit;

namespace Crm.Reports.Facts;

/// <summary>How one kind of event changes the read model; applied by its consumer, or later when a waiting event is released.</summary>
public interface IFact<in TMessage>
{
    Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}

/// <summary>A consumer that applies its event once (the inbox) as a fact of the read model.</summary>
public abstract class FactConsumer<TMessage>(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, ReportDbContext>(db, clock), IFact<TMessage>
    where TMessage : class
{
    protected override Task HandleAsync(TMessage message, ConsumeContext<TMessage> context) => ApplyAsync(message, context.CancellationToken);

    public abstract Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}
