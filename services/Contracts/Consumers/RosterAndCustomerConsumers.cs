using MassTransit;

namespace Crm.Contracts.Consumers;

/// <summary>A designer joined a store's roster: forms can be issued to them.</summary>
public sealed class DesignerJoinedConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<DesignerJoined, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(DesignerJoined message, ConsumeContext<DesignerJoined> context)
    {
        if (!await Db.Designers.AnyAsync(d => d.Id == message.DesignerId, context.CancellationToken)) Db.Designers.Add(DesignerCopy.From(message));
    }
}

/// <summary>A customer registered at a store: forms can be issued for them.</summary>
public sealed class CustomerRegisteredConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerRegistered, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        if (!await Db.Customers.AnyAsync(c => c.Id == message.CustomerId, context.CancellationToken)) Db.Customers.Add(CustomerCopy.From(message));
    }
}

/// <summary>A contract signing recorded on a customer, by a form or by hand: the requisition counts the store's signings.</summary>
public sealed class MilestoneRecordedConsumer(ContractDbContext db, TimeProvider clock)
    : IdempotentConsumer<MilestoneRecorded, ContractDbContext>(db, clock)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        if (message.Type != MilestoneType.ContractSigned) return;
        if (!await Db.Signings.AnyAsync(s => s.MilestoneId == message.MilestoneId, context.CancellationToken)) Db.Signings.Add(Signing.From(message));
    }
}
