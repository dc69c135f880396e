using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>Shows the designer on the customer once dispatch has offered the customer to one, and keeps the dispatch for the handed-over register.</summary>
public sealed class CustomerDispatchedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDispatched, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDispatched message, ConsumeContext<CustomerDispatched> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, context.CancellationToken);
        customer.RecordDispatch(message.AssignmentId, message.DesignerId, message.DesignerName, message.DispatchedAt);
        Db.Dispatches.Add(CustomerDispatch.Record(customer, store, message.AssignmentId, message.DesignerId, message.DesignerName, message.DispatchedAt, message.Decision));
    }
}
