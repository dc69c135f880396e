namespace Crm.Dispatch.Consumers;

/// <summary>Keeps a customer's milestones in their file: deposits, proposals, signing and losses make holdings and stalled proposals.</summary>
public sealed class MilestoneRecordedConsumer(DispatchDbContext db, TimeProvider clock, WaitingEvents<DispatchDbContext> waiting)
    : ApplyingConsumer<MilestoneRecorded, DispatchDbContext>(db, clock)
{
    public override async Task ApplyAsync(MilestoneRecorded message, CancellationToken cancellationToken) =>
        (await waiting.FileOrWaitAsync(Db, message.CustomerId, message, cancellationToken))?.Apply(message);
}

/// <summary>Keeps the figures the rules read (budget, area, styles, off-plan, special request) current.</summary>
public sealed class CustomerDetailsChangedConsumer(DispatchDbContext db, TimeProvider clock, WaitingEvents<DispatchDbContext> waiting)
    : ApplyingConsumer<CustomerDetailsChanged, DispatchDbContext>(db, clock)
{
    public override async Task ApplyAsync(CustomerDetailsChanged message, CancellationToken cancellationToken) =>
        (await waiting.FileOrWaitAsync(Db, message.CustomerId, message, cancellationToken))?.Apply(message);
}

internal static class CustomerFileWaits
{
    /// <summary>The customer's file, or null when their registration has not been applied here yet: the event then waits for it.</summary>
    public static Task<CustomerFile?> FileOrWaitAsync(this WaitingEvents<DispatchDbContext> waiting, DispatchDbContext db, Guid customerId, object message, CancellationToken cancellationToken) =>
        waiting.ParentOrWaitAsync(WaitKey.Customer(customerId), message, ct => db.CustomerFiles.FirstOrDefaultAsync(f => f.CustomerId == customerId, ct), cancellationToken);
}
