namespace Crm.Customers.Consumers;

internal static class ConsumerExtensions
{
    /// <summary>The customer an event is about. An unknown one is an error: the message goes to the error queue, visible in health.</summary>
    public static async Task<Customer> KnownCustomerAsync(this CustomerDbContext db, Guid storeId, Guid customerId, CancellationToken cancellationToken, bool withMilestones = false)
    {
        IQueryable<Customer> customers = db.Customers;
        if (withMilestones) customers = customers.Include(c => c.Milestones);
        return await customers.FirstOrDefaultAsync(c => c.Id == customerId && c.StoreId == storeId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer {customerId} of store {storeId} is unknown here.");
    }

    /// <summary>
    /// Records a milestone another service reports, announcing it like one recorded here. If the rules of §1
    /// refuse it (e.g. the signing was already recorded by hand), the report is kept as a note on the timeline.
    /// </summary>
    public static void RecordOrNote(this CustomerDbContext db, Customer customer, MilestoneDraft draft, string by, TimeProvider clock, string summary)
    {
        var recorded = db.RecordMilestone(customer, draft, by, by, clock);
        if (!recorded.Succeeded) db.Notes.Add(CustomerNote.Record(customer, "ContractEvent", draft.At, $"{summary} Not recorded as a milestone: {recorded.Violation.Detail}", by));
    }
}
