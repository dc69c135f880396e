using MassTransit;

namespace Crm.Reports.Consumers;

/// <summary>The stores, with their time zones: every figure counts days in the store's own day.</summary>
public sealed class StoreOpenedConsumer(ReportDbContext db, TimeProvider clock) : StoreCopyConsumer<ReportDbContext, StoreCopy>(db, clock);

/// <summary>A registration: the customer on their store-local day, and their first completeness.</summary>
public sealed class CustomerRegisteredConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerRegistered, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to reports yet.");
        if (await Db.Customers.AnyAsync(c => c.Id == message.CustomerId, context.CancellationToken)) return;
        Db.Customers.Add(CustomerFact.From(message, store.LocalDate(message.RegisteredAt)));
        if (message.Completeness is { } rate) Db.Completeness.Add(CompletenessFact.Of(message.StoreId, message.CustomerId, message.RegisteredAt, rate));
    }
}

/// <summary>A dispatch: the customer is in negotiation from that day, with that designer.</summary>
public sealed class CustomerDispatchedConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDispatched, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDispatched message, ConsumeContext<CustomerDispatched> context)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to reports yet.");
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, context.CancellationToken);
        customer.Dispatched(message.DesignerId, message.DesignerName, store.LocalDate(message.DispatchedAt));
    }
}

/// <summary>A milestone, on its store-local day, with the designer the customer has.</summary>
public sealed class MilestoneRecordedConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<MilestoneRecorded, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        var customer = await Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to reports yet.");
        if (await Db.Milestones.AnyAsync(m => m.Id == message.MilestoneId, context.CancellationToken)) return;
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, context.CancellationToken);
        Db.Milestones.Add(MilestoneFact.From(message, store.LocalDate(message.At), customer.DesignerId));
    }
}

/// <summary>A change of basic information: the completeness from then on.</summary>
public sealed class CustomerDetailsChangedConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerDetailsChanged, ReportDbContext>(db, clock)
{
    protected override Task HandleAsync(CustomerDetailsChanged message, ConsumeContext<CustomerDetailsChanged> context)
    {
        if (message.Completeness is { } rate) Db.Completeness.Add(CompletenessFact.Of(message.StoreId, message.CustomerId, message.ChangedAt, rate));
        return Task.CompletedTask;
    }
}

/// <summary>A follow-up: the stale lists show each customer's last one.</summary>
public sealed class FollowUpRecordedConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<FollowUpRecorded, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(FollowUpRecorded message, ConsumeContext<FollowUpRecorded> context)
    {
        if (!await Db.FollowUps.AnyAsync(f => f.Id == message.FollowUpId, context.CancellationToken)) Db.FollowUps.Add(FollowUpFact.From(message));
    }
}

/// <summary>The home consultant named on a customer: the stale lists name them.</summary>
public sealed class ConsultantNamedConsumer(ReportDbContext db, TimeProvider clock)
    : IdempotentConsumer<ConsultantNamed, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(ConsultantNamed message, ConsumeContext<ConsultantNamed> context)
    {
        var customer = await Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} is not known to reports yet.");
        customer.Consultant(message.ConsultantName);
    }
}
