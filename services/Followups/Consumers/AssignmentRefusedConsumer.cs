using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>A designer's refusal gives the store a follow-up due that day: the customer should not learn it by silence.</summary>
public sealed class AssignmentRefusedConsumer(FollowupDbContext db, TimeProvider clock)
    : IdempotentConsumer<AssignmentRefused, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(AssignmentRefused message, ConsumeContext<AssignmentRefused> context)
    {
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to follow-ups yet.");
        var customer = await Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken);
        var customerNo = customer?.CustomerNo
            ?? await Db.Tasks.Where(t => t.CustomerId == message.CustomerId).Select(t => t.CustomerNo).FirstOrDefaultAsync(context.CancellationToken) ?? "";
        var now = Clock.GetUtcNow();
        var open = await Db.Tasks.Where(t => t.CustomerId == message.CustomerId && t.Kind == FollowUpTaskKind.AfterRefusal && t.CompletedAt == null && t.ClosedAt == null)
            .ToListAsync(context.CancellationToken);
        // A second refusal the same day: one call tells the customer of the designer they have now.
        Db.Tasks.Add(FollowUpTask.AfterRefusal(store, message, customerNo, now, customer?.AssigneeId, customer?.AssigneeName).Replacing(open, now));
    }
}
