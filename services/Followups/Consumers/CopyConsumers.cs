using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>The staff copy: who may be given follow-ups, and the store's customer manager for leads.</summary>
public sealed class StaffAccountOpenedConsumer(FollowupDbContext db, TimeProvider clock) : StaffOpenedConsumer<FollowupDbContext>(db, clock);

/// <summary>A staff account renamed, moved, disabled or enabled again.</summary>
public sealed class StaffAccountChangedConsumer(FollowupDbContext db, TimeProvider clock) : StaffChangedConsumer<FollowupDbContext>(db, clock);

/// <summary>The designer a customer was dispatched to: customer problems go to them, key-attention tasks name them.</summary>
public sealed class CustomerDispatchedConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDispatched, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDispatched message, ConsumeContext<CustomerDispatched> context)
    {
        // Thrown, the message is retried: the customer's registration may simply not have arrived yet.
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to follow-ups yet.");
        customer.DispatchedTo(message.DesignerId, message.DesignerName);
    }
}

/// <summary>The home consultant the customer service named: key-attention tasks name them.</summary>
public sealed class ConsultantNamedConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<ConsultantNamed, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(ConsultantNamed message, ConsumeContext<ConsultantNamed> context)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to follow-ups yet.");
        customer.Consultant(message.ConsultantId, message.ConsultantName);
    }
}
