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
        Db.Tasks.Add(FollowUpTask.AfterRefusal(store, message, customerNo, Clock.GetUtcNow(), customer?.AssigneeId, customer?.AssigneeName));
    }
}
