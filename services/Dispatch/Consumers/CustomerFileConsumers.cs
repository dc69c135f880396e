using MassTransit;

namespace Crm.Dispatch.Consumers;

/// <summary>Keeps a customer's milestones in their file: deposits, proposals, signing and losses make holdings and stalled proposals.</summary>
public sealed class MilestoneRecordedConsumer(DispatchDbContext db, TimeProvider clock)
    : IdempotentConsumer<MilestoneRecorded, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        var file = await Db.CustomerFiles.FirstOrDefaultAsync(f => f.CustomerId == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} has no file here yet.");
        file.Apply(message);
    }
}

/// <summary>Keeps the figures the rules read (budget, area, styles, off-plan, special request) current.</summary>
public sealed class CustomerDetailsChangedConsumer(DispatchDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDetailsChanged, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDetailsChanged message, ConsumeContext<CustomerDetailsChanged> context)
    {
        var file = await Db.CustomerFiles.FirstOrDefaultAsync(f => f.CustomerId == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} has no file here yet.");
        file.Apply(message);
    }
}
