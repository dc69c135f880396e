using MassTransit;

namespace Crm.Followups.Consumers;

/// <summary>
/// Every registered customer is followed: the copy the task rules read, with who follows them up
/// (<see cref="TaskAssignee"/>), and a first follow-up task (domain.md §4). The events about the customer that
/// arrived before the registration are applied then.
/// </summary>
public sealed class CustomerRegisteredConsumer(FollowupDbContext db, TimeProvider clock, WaitingEvents<FollowupDbContext> waiting)
    : IdempotentConsumer<CustomerRegistered, FollowupDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        var ct = context.CancellationToken;
        // Thrown, the message is retried: the store's StoreOpened may simply not have arrived yet.
        var store = await Db.Stores.FirstOrDefaultAsync(s => s.Id == message.StoreId, ct)
            ?? throw new InvalidOperationException($"Store {message.StoreId} is not known to follow-ups yet.");
        if (await Db.Customers.AnyAsync(c => c.Id == message.CustomerId, ct)) return;

        Guid? registrantId = Guid.TryParse(message.RegisteredBy, out var by) ? by : null;
        var registrant = registrantId is null ? null : await Db.Staff.FirstOrDefaultAsync(s => s.Id == registrantId, ct);
        var customerManager = await Db.Staff.Where(s => s.StoreId == store.Id && s.Active && s.Role == StaffRoles.CustomerManager)
            .OrderBy(s => s.DisplayName).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);
        var cameAsLead = message.Source is CustomerSource.Marketing or CustomerSource.Partner;
        var assignee = TaskAssignee.For(store.Id, cameAsLead, registrantId, message.RegisteredByName, registrant, customerManager);

        var customer = FollowedCustomer.From(message, store.LocalDate(message.RegisteredAt), assignee);
        Db.Customers.Add(customer);
        Db.Tasks.Add(FollowUpTask.FirstFollowUp(store, customer, Clock.GetUtcNow()));
        await waiting.ReleaseAsync(WaitKey.Customer(customer.Id), ct);
    }
}
