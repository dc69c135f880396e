namespace Crm.Followups.Consumers;

/// <summary>The staff copy: who may be given follow-ups, and the store's customer manager for leads.</summary>
public sealed class StaffAccountOpenedConsumer(FollowupDbContext db, TimeProvider clock) : StaffOpenedConsumer<FollowupDbContext>(db, clock);

/// <summary>A staff account renamed, moved, disabled or enabled again.</summary>
public sealed class StaffAccountChangedConsumer(FollowupDbContext db, TimeProvider clock) : StaffChangedConsumer<FollowupDbContext>(db, clock);

/// <summary>The designer a customer was dispatched to: customer problems go to them, key-attention tasks name them.</summary>
public sealed class CustomerDispatchedConsumer(FollowupDbContext db, TimeProvider clock, WaitingEvents<FollowupDbContext> waiting)
    : ApplyingConsumer<CustomerDispatched, FollowupDbContext>(db, clock)
{
    public override async Task ApplyAsync(CustomerDispatched message, CancellationToken cancellationToken) =>
        (await waiting.CustomerOrWaitAsync(Db, message.CustomerId, message, cancellationToken))?.DispatchedTo(message.DesignerId, message.DesignerName);
}

/// <summary>The home consultant the customer service named: key-attention tasks name them.</summary>
public sealed class ConsultantNamedConsumer(FollowupDbContext db, TimeProvider clock, WaitingEvents<FollowupDbContext> waiting)
    : ApplyingConsumer<ConsultantNamed, FollowupDbContext>(db, clock)
{
    public override async Task ApplyAsync(ConsultantNamed message, CancellationToken cancellationToken) =>
        (await waiting.CustomerOrWaitAsync(Db, message.CustomerId, message, cancellationToken))?.Consultant(message.ConsultantId, message.ConsultantName);
}

internal static class CustomerWaits
{
    /// <summary>The customer's copy, or null when their registration has not arrived yet: the event then waits for it.</summary>
    public static Task<FollowedCustomer?> CustomerOrWaitAsync(this WaitingEvents<FollowupDbContext> waiting, FollowupDbContext db, Guid customerId, object message, CancellationToken cancellationToken) =>
        waiting.ParentOrWaitAsync(WaitKey.Customer(customerId), message, ct => db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct), cancellationToken);
}
