using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>The store manager's approval of the contract is the customer's Reviewed milestone.</summary>
public sealed class ContractReviewedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<ContractReviewed, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(ContractReviewed message, ConsumeContext<ContractReviewed> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken, withMilestones: true);
        var draft = new MilestoneDraft(MilestoneType.Reviewed, message.ReviewedAt);
        Db.RecordOrNote(customer, draft, message.ReviewedBy, Clock, $"Contract form {message.FormSerial} approved.");
    }
}
