using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>A contract signed on a form is the customer's ContractSigned milestone, with its amount and area.</summary>
public sealed class ContractSignedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<ContractSigned, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(ContractSigned message, ConsumeContext<ContractSigned> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken, withMilestones: true);
        var draft = new MilestoneDraft(MilestoneType.ContractSigned, message.SignedAt, message.Amount, AreaM2: message.AreaM2);
        Db.RecordOrNote(customer, draft, message.RecordedBy, Clock, $"Contract form {message.FormSerial} signed.");
    }
}
