namespace Crm.Followups.Consumers;

/// <summary>
/// A milestone moves the customer's copy and their tasks (<see cref="MilestoneTasks"/>). One that arrives before the
/// customer's registration waits for it.
/// </summary>
public sealed class MilestoneRecordedConsumer(FollowupDbContext db, TimeProvider clock, WaitingEvents<FollowupDbContext> waiting)
    : ApplyingConsumer<MilestoneRecorded, FollowupDbContext>(db, clock)
{
    public override async Task ApplyAsync(MilestoneRecorded message, CancellationToken cancellationToken)
    {
        var customer = await waiting.CustomerOrWaitAsync(Db, message.CustomerId, message, cancellationToken);
        if (customer is null) return;
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
        customer.Record(message);
        var open = await Db.Tasks.Where(t => t.CustomerId == customer.Id && t.CompletedAt == null && t.ClosedAt == null).ToListAsync(cancellationToken);
        Db.Tasks.AddRange(MilestoneTasks.Apply(store, customer, message, open, Clock.GetUtcNow()));
    }
}
