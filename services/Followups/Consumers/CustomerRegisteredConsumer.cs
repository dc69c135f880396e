using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>Every registered customer gets a first follow-up task (domain.md §4).</summary>
public sealed class CustomerRegisteredConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerRegistered, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to follow-ups yet.");
        Db.Tasks.Add(FollowUpTask.FirstFollowUp(store, message, Clock.GetUtcNow()));
    }
}
