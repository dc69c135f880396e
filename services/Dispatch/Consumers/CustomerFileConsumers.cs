using MassTransit;

namespace Crm.Dispatch.Consumers;

/// <summary>Keeps a customer's milestones in their file: deposits, proposals, signing and losses make holdings and stalled proposals.</summary>
public sealed class MilestoneRecordedConsumer(DispatchDbContext db, TimeProvider clock)
    : IdempotentConsumer<MilestoneRecorded, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        (await Db.KnownFileAsync(message.CustomerId, context.CancellationToken)).Apply(message);
    }
}

/// <summary>Keeps the figures the rules read (budget, area, styles, off-plan, special request) current.</summary>
public sealed class CustomerDetailsChangedConsumer(DispatchDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDetailsChanged, DispatchDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDetailsChanged message, ConsumeContext<CustomerDetailsChanged> context)
    {
        (await Db.KnownFileAsync(message.CustomerId, context.CancellationToken)).Apply(message);
    }
}

internal static class CustomerFiles
{
    /// <summary>
    /// The customer's file. Thrown when missing, the message is retried: the customer's registration may
    /// simply not have been applied here yet.
    /// </summary>
    public static async Task<CustomerFile> KnownFileAsync(this DispatchDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        await db.CustomerFiles.FirstOrDefaultAsync(f => f.CustomerId == customerId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer {customerId} has no file here yet.");
}
