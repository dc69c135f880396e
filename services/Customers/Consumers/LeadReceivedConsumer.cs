using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>
/// A lead from marketing or a partner becomes a customer of its store, AssignedToStore until the store meets it.
/// A phone that already belongs to a customer is answered as a duplicate, naming nothing of that customer.
/// </summary>
public sealed class LeadReceivedConsumer(CustomerDbContext db, DuplicatePhone duplicates, PhoneClaims claims, TimeProvider clock)
    : IdempotentConsumer<LeadReceived, CustomerDbContext>(db, clock)
{
    // One id per delivery: a unit run again after a transient fault finds the number claimed by it already.
    private readonly Guid _customerId = Guid.CreateVersion7();
    private string? _claimedPhone;

    protected override async Task HandleAsync(LeadReceived lead, ConsumeContext<LeadReceived> context)
    {
        var cancellationToken = context.CancellationToken;
        if (lead.Duplicate || await Db.Customers.AnyAsync(c => c.LeadId == lead.LeadId, cancellationToken)) return;
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == lead.StoreId, cancellationToken)
            ?? throw new InvalidOperationException($"Lead {lead.LeadId} names store {lead.StoreId}, which is unknown here.");

        // The partner service checked the lead by the same rules; a lead they refuse here is a fault to look at, not to drop.
        var errors = new FieldErrors();
        var (name, phone, info, specialRequest) = new CustomerDetails(lead.Name, lead.Phone, lead.OtherContact, lead.Address,
            lead.Family, lead.IncomeBand, lead.Preferences, lead.House, lead.SpecialRequest).Validate(errors);
        if (errors.Any) throw new InvalidOperationException($"Lead {lead.LeadId} breaks the registration rules: {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");

        // The number is claimed for the customer to be: a customer anywhere in the chain holding it makes the lead a duplicate.
        var id = _customerId;
        if (await duplicates.ClaimAsync(phone, store.Id, id, taken => { if (taken) _claimedPhone = phone; }, cancellationToken) is not null)
        {
            Db.Publish(new LeadDuplicateFound { StoreId = lead.StoreId, LeadId = lead.LeadId, FoundAt = Clock.GetUtcNow() }, Clock);
            return;
        }
        var now = Clock.GetUtcNow();
        var sequence = await CustomerNumberCounter.NextAsync(Db, store.Id, store.LocalDate(now).Year, cancellationToken);
        var registration = new CustomerRegistration(lead.Source, name, phone, info, SpecialRequest: specialRequest, LeadId: lead.LeadId);
        var supplier = lead.PartnerId is { } partner ? $"partner:{partner}" : "marketing";
        var customer = Customer.Register(store, sequence, registration, supplier, lead.SupplierName, now, id);
        Db.Customers.Add(customer);
        Db.Publish(CustomerEvents.Registered(customer), Clock);
    }

    protected override async Task AbandonedAsync()
    {
        if (_claimedPhone is { } phone) await claims.ReleaseAsync(phone, _customerId);
    }
}
