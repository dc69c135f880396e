using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>Shows the designer on the customer once dispatch has offered the customer to one.</summary>
public sealed class CustomerDispatchedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDispatched, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDispatched message, ConsumeContext<CustomerDispatched> context)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId && c.StoreId == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} of store {message.StoreId} is unknown here.");
        customer.RecordDispatch(message.AssignmentId, message.DesignerId, message.DesignerName, message.DispatchedAt);
    }
}
