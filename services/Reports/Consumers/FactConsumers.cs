namespace Crm.Reports.Consumers;

/// <summary>The stores, with their time zones: every figure counts days in the store's own day. Releases the customers that waited for it.</summary>
public sealed class StoreOpenedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<StoreOpened>(db, clock)
{
    public override async Task ApplyAsync(StoreOpened message, CancellationToken cancellationToken)
    {
        if (await Db.Stores.AnyAsync(s => s.Id == message.StoreId, cancellationToken)) return;
        Db.Stores.Add(StoreCopy.From<StoreCopy>(message));
        await waiting.ReleaseAsync(WaitKey.Store(message.StoreId), cancellationToken);
    }
}

/// <summary>A registration: the customer on their store-local day, and their first completeness.</summary>
public sealed class CustomerRegisteredConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting, Tallies tallies) : FactConsumer<CustomerRegistered>(db, clock)
{
    public override async Task ApplyAsync(CustomerRegistered message, CancellationToken cancellationToken)
    {
        var store = await waiting.ParentOrWaitAsync(WaitKey.Store(message.StoreId), message, ct => Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, ct), cancellationToken);
        if (store is null || await Db.Customers.AnyAsync(c => c.Id == message.CustomerId, cancellationToken)) return;
        var customer = CustomerFact.From(message, store.LocalDate(message.RegisteredAt));
        Db.Customers.Add(customer);
        await tallies.EnterAsync(store.Id, customer.RegisteredOn, customer.RegisteredStage, cancellationToken);
        if (message.Completeness is { } rate) await tallies.CompletenessAsync(store, message.CustomerId, message.RegisteredAt, rate, cancellationToken);
        await waiting.ReleaseAsync(WaitKey.Customer(message.CustomerId), cancellationToken);
    }
}

/// <summary>A dispatch: the customer is in negotiation from their first one; milestones are credited to the designer they had then.</summary>
public sealed class CustomerDispatchedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<CustomerDispatched>(db, clock)
{
    public override async Task ApplyAsync(CustomerDispatched message, CancellationToken cancellationToken)
    {
        var customer = await waiting.ParentOrWaitAsync(WaitKey.Customer(message.CustomerId), message,
            ct => Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct), cancellationToken);
        if (customer is null || await Db.Dispatches.AnyAsync(d => d.AssignmentId == message.AssignmentId, cancellationToken)) return;
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
        var dispatches = await Db.Dispatches.Where(d => d.CustomerId == customer.Id).ToListAsync(cancellationToken);
        var dispatch = DispatchFact.From(message, store.LocalDate(message.DispatchedAt));
        Db.Dispatches.Add(dispatch);
        dispatches.Add(dispatch);
        customer.DispatchesAre(dispatches);
        // A milestone may have arrived before this dispatch although it happened after it.
        foreach (var milestone in await Db.Milestones.Where(m => m.CustomerId == customer.Id).ToListAsync(cancellationToken))
            milestone.CreditTo(DispatchFact.DesignerAt(dispatches, milestone.At));
    }
}

/// <summary>A milestone, on its store-local day, credited to the designer the customer had then.</summary>
public sealed class MilestoneRecordedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting, Tallies tallies) : FactConsumer<MilestoneRecorded>(db, clock)
{
    public override async Task ApplyAsync(MilestoneRecorded message, CancellationToken cancellationToken)
    {
        var customer = await waiting.ParentOrWaitAsync(WaitKey.Customer(message.CustomerId), message,
            ct => Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct), cancellationToken);
        if (customer is null || await Db.Milestones.AnyAsync(m => m.Id == message.MilestoneId, cancellationToken)) return;
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
        var dispatches = await Db.Dispatches.AsNoTracking().Where(d => d.CustomerId == customer.Id).ToListAsync(cancellationToken);
        var milestone = MilestoneFact.From(message, store.LocalDate(message.At), DispatchFact.DesignerAt(dispatches, message.At.ToUniversalTime()));
        await tallies.MilestoneAsync(customer, milestone, cancellationToken);
        Db.Milestones.Add(milestone);
    }
}

/// <summary>A change of basic information: the completeness from then on, once the customer is known.</summary>
public sealed class CustomerDetailsChangedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting, Tallies tallies) : FactConsumer<CustomerDetailsChanged>(db, clock)
{
    public override async Task ApplyAsync(CustomerDetailsChanged message, CancellationToken cancellationToken)
    {
        if (message.Completeness is not { } rate) return;
        var customer = await waiting.ParentOrWaitAsync(WaitKey.Customer(message.CustomerId), message,
            ct => Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct), cancellationToken);
        if (customer is null) return;
        var store = await Db.Stores.SingleAsync(s => s.Id == customer.StoreId, cancellationToken);
        await tallies.CompletenessAsync(store, message.CustomerId, message.ChangedAt, rate, cancellationToken);
    }
}

/// <summary>A follow-up: the stale lists show each customer's last one.</summary>
public sealed class FollowUpRecordedConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<FollowUpRecorded>(db, clock)
{
    public override async Task ApplyAsync(FollowUpRecorded message, CancellationToken cancellationToken)
    {
        if (!await Db.FollowUps.AnyAsync(f => f.Id == message.FollowUpId, cancellationToken)) Db.FollowUps.Add(FollowUpFact.From(message));
    }
}

/// <summary>The home consultant named on a customer: the stale lists name them.</summary>
public sealed class ConsultantNamedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<ConsultantNamed>(db, clock)
{
    public override async Task ApplyAsync(ConsultantNamed message, CancellationToken cancellationToken)
    {
        var customer = await waiting.ParentOrWaitAsync(WaitKey.Customer(message.CustomerId), message,
            ct => Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct), cancellationToken);
        customer?.Consultant(message.ConsultantName, message.At);
    }
}
