namespace Crm.Reports.Consumers;

/// <summary>A lead supplied to a store, on the store's day.</summary>
public sealed class LeadReceivedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<LeadReceived>(db, clock)
{
    public override async Task ApplyAsync(LeadReceived message, CancellationToken cancellationToken)
    {
        var store = await waiting.ParentOrWaitAsync(WaitKey.Store(message.StoreId), message, ct => Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, ct), cancellationToken);
        if (store is null || await Db.Leads.AnyAsync(l => l.Id == message.LeadId, cancellationToken)) return;
        Db.Leads.Add(LeadFact.From(message, store.LocalDate(message.ReceivedAt)));
    }
}

public sealed class LeadDuplicateFoundConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<LeadDuplicateFound>(db, clock)
{
    public override async Task ApplyAsync(LeadDuplicateFound message, CancellationToken cancellationToken)
    {
        if (!await Db.DuplicateLeads.AnyAsync(d => d.LeadId == message.LeadId, cancellationToken)) Db.DuplicateLeads.Add(DuplicateLeadFact.From(message));
    }
}

/// <summary>The store met a customer that came as a lead.</summary>
public sealed class CustomerMetConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<CustomerMet>(db, clock)
{
    public override async Task ApplyAsync(CustomerMet message, CancellationToken cancellationToken)
    {
        var customer = await waiting.ParentOrWaitAsync(WaitKey.Customer(message.CustomerId), message,
            ct => Db.Customers.FirstOrDefaultAsync(c => c.Id == message.CustomerId, ct), cancellationToken);
        customer?.Met(message.MetAt);
    }
}
