using MassTransit;

namespace Crm.Dispatch.Consumers;

/// <summary>Dispatches a newly registered customer to a designer of the store by rotation.</summary>
public sealed class CustomerRegisteredConsumer(DispatchDbContext db, TimeProvider clock, ILogger<CustomerRegisteredConsumer> logger)
    : IdempotentConsumer<CustomerRegistered, DispatchDbContext>(db, clock)
{
    public const string RequestedBy = "automatic dispatch on registration";

    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        _ = await Db.LockStoreAsync(message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to dispatch yet.");

        var candidates = await Db.Designers
            .Where(d => d.StoreId == message.StoreId && d.Status == DesignerStatus.Active)
            .ToListAsync(context.CancellationToken);
        var designer = Rotation.Next(candidates);
        if (designer is null)
        {
            logger.LogWarning("No active designer in store {StoreId} for customer {CustomerNo}", message.StoreId, message.CustomerNo);
            return;
        }

        var now = Clock.GetUtcNow();
        var assignment = Assignment.Offer(message.StoreId, message.CustomerId, designer, "Rotation", RequestedBy, now);
        designer.RecordDispatch(now);
        Db.Assignments.Add(assignment);
        Db.Publish(new CustomerDispatched
        {
            StoreId = message.StoreId,
            CustomerId = message.CustomerId,
            AssignmentId = assignment.Id,
            DesignerId = designer.Id,
            DesignerName = designer.Name,
            DispatchedAt = now,
        }, Clock);
    }
}
