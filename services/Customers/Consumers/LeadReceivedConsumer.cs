using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>
/// A lead from marketing or a partner becomes a customer of its store, AssignedToStore until the store meets it.
/// A phone that already belongs to a customer is answered as a duplicate, naming nothing of that customer.
/// </summary>
public sealed class LeadReceivedConsumer(CustomerDbContext db, TimeProvider clock) : IdempotentConsumer<LeadReceived, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(LeadReceived lead, ConsumeContext<LeadReceived> context)
    {
        var cancellationToken = context.CancellationToken;
        if (lead.Duplicate || await Db.Customers.AnyAsync(c => c.LeadId == lead.LeadId, cancellationToken)) return;
        if (await Db.Customers.AnyAsync(c => c.Phone == lead.Phone, cancellationToken))
        {
            Db.Publish(new LeadDuplicateFound { StoreId = lead.StoreId, LeadId = lead.LeadId, FoundAt = Clock.GetUtcNow() }, Clock);
            return;
        }
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == lead.StoreId, cancellationToken)
            ?? throw new InvalidOperationException($"Lead {lead.LeadId} names store {lead.StoreId}, which is unknown here.");

        // The partner service checked the lead by the same rules; a lead they refuse here is a fault to look at, not to drop.
        var errors = new FieldErrors();
        var (name, phone, info, specialRequest) = new CustomerDetails(lead.Name, lead.Phone, lead.OtherContact, lead.Address,
            lead.Family, lead.IncomeBand, lead.Preferences, lead.House, lead.SpecialRequest).Validate(errors);
        if (errors.Any) throw new InvalidOperationException($"Lead {lead.LeadId} breaks the registration rules: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");

        var now = Clock.GetUtcNow();
        var sequence = await CustomerNumberCounter.NextAsync(Db, store.Id, store.LocalDate(now).Year, cancellationToken);
        var registration = new CustomerRegistration(lead.Source, name, phone, info, SpecialRequest: specialRequest, LeadId: lead.LeadId);
        var supplier = lead.PartnerId is { } partner ? $"partner:{partner}" : "marketing";
        var customer = Customer.Register(store, sequence, registration, supplier, lead.SupplierName, now);
        Db.Customers.Add(customer);
        Db.Publish(CustomerEvents.Registered(customer), Clock);
    }
}
