using MassTransit;

namespace Crm.Dispatch.Consumers;

/// <summary>
/// Opens the customer's file and, when the store dispatches automatically, puts the customer in the store's
/// line for <see cref="Jobs.AutomaticDispatch"/>. No store lock is taken here: a busy store's dispatches never
/// hold this queue, which every store shares. The milestones and changes that arrived before the registration are
/// applied to the file then.
/// </summary>
public sealed class CustomerRegisteredConsumer(DispatchDbContext db, TimeProvider clock, AutomaticDispatchSignal dispatchSignal, WaitingEvents<DispatchDbContext> waiting)
    : IdempotentConsumer<CustomerRegistered, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        if (!await Db.Stores.AnyAsync(s => s.Id == message.StoreId, context.CancellationToken))
            throw new InvalidOperationException($"Store {message.StoreId} is not known to dispatch yet.");
        if (await Db.CustomerFiles.AnyAsync(f => f.CustomerId == message.CustomerId, context.CancellationToken)) return;
        var settings = await Db.SettingsAsync(message.StoreId, context.CancellationToken);
        Db.CustomerFiles.Add(CustomerFile.From(message, dispatchAutomatically: settings.AutoDispatch));
        await waiting.ReleaseAsync(WaitKey.Customer(message.CustomerId), context.CancellationToken);
    }

    protected override Task CommittedAsync()
    {
        dispatchSignal.Notify();
        return Task.CompletedTask;
    }
}
