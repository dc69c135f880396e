using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>A milestone moves the customer's copy and their tasks (<see cref="MilestoneTasks"/>).</summary>
public sealed class MilestoneRecordedConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<MilestoneRecorded, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        // Thrown, the message is retried: the customer's registration may simply not have arrived yet.
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to follow-ups yet.");
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, context.CancellationToken);
        customer.Record(message);
        var open = await Db.Tasks.Where(t => t.CustomerId == customer.Id && t.CompletedAt == null && t.ClosedAt == null).ToListAsync(context.CancellationToken);
        Db.Tasks.AddRange(MilestoneTasks.Apply(store, customer, message, open, Clock.GetUtcNow()));
    }
}
