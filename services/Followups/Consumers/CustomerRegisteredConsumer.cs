using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>Every registered customer is followed: the copy the task rules read, and a first follow-up task (domain.md §4).</summary>
public sealed class CustomerRegisteredConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerRegistered, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to follow-ups yet.");
        if (!await Db.Customers.AnyAsync(c => c.Id == message.CustomerId, context.CancellationToken))
            Db.Customers.Add(FollowedCustomer.From(message, store.LocalDate(message.RegisteredAt)));
        Db.Tasks.Add(FollowUpTask.FirstFollowUp(store, message, Clock.GetUtcNow()));
    }
}
