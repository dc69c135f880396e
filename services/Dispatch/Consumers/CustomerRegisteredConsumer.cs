using MassTransit;

namespace Crm.Dispatch.Consumers;

/// <summary>Opens the customer's file and, when the store dispatches automatically, dispatches the customer by the rules.</summary>
public sealed class CustomerRegisteredConsumer(DispatchDbContext db, TimeProvider clock, ILogger<CustomerRegisteredConsumer> logger)
    : IdempotentConsumer<CustomerRegistered, DispatchDbContext>(db, clock)
{
    public const string RequestedBy = "automatic dispatch on registration";

    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.LockStoreAsync(message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to dispatch yet.");
        if (await Db.CustomerFiles.AnyAsync(f => f.CustomerId == message.CustomerId, context.CancellationToken)) return;
        var file = CustomerFile.From(message);
        Db.CustomerFiles.Add(file);

        var settings = await Db.SettingsAsync(store.Id, context.CancellationToken);
        if (!settings.AutoDispatch) return;
        var (decision, assignment) = await Db.DispatchAsync(store, file, DispatchKind.Automatic, RequestedBy, Clock, context.CancellationToken);
        if (assignment is null)
            logger.LogWarning("Customer {CustomerNo} of store {StoreCode} waits for a designer: {Decision}", message.CustomerNo, store.Code, decision.Trace.Decision);
    }
}
