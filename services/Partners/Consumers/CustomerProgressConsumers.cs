using MassTransit;

namespace Crm.Partners.Consumers;

/// <summary>
/// The customer service's events move a lead's status: registration links the lead to its customer, meeting and
/// milestones move it on. Each event updates the customer's progress first, so the order they arrive in does not matter.
/// </summary>
public abstract class CustomerProgressConsumer<TMessage>(PartnerDbContext db, TimeProvider clock, LeadStatusUpdates updates)
    : IdempotentConsumer<TMessage, PartnerDbContext>(db, clock) where TMessage : class
{
    protected async Task<CustomerProgress> ProgressAsync(Guid storeId, Guid customerId, CancellationToken cancellationToken)
    {
        var progress = await Db.CustomerProgress.FirstOrDefaultAsync(p => p.CustomerId == customerId, cancellationToken);
        if (progress is null) Db.CustomerProgress.Add(progress = CustomerProgress.Start(storeId, customerId));
        return progress;
    }

    /// <summary>Moves the customer's lead, if it came as one, to the status its progress gives.</summary>
    protected async Task MoveLeadAsync(CustomerProgress progress, string cause, DateTimeOffset at, CancellationToken cancellationToken, Action<Lead>? link = null)
    {
        if (progress.LeadId is not { } leadId) return;
        var lead = await Db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer {progress.CustomerId} came from lead {leadId}, which is unknown here.");
        link?.Invoke(lead);
        await updates.MoveAsync(lead, progress.Status, cause, at, cancellationToken);
    }
}

public sealed class CustomerRegisteredConsumer(PartnerDbContext db, TimeProvider clock, LeadStatusUpdates updates)
    : CustomerProgressConsumer<CustomerRegistered>(db, clock, updates)
{
    protected override async Task HandleAsync(CustomerRegistered message, ConsumeContext<CustomerRegistered> context)
    {
        var cancellationToken = context.CancellationToken;
        if (message.Phone is { } phone && !await Db.KnownPhones.AnyAsync(p => p.CustomerId == message.CustomerId, cancellationToken))
            Db.KnownPhones.Add(KnownPhone.Of(message.CustomerId, phone));
        var progress = await ProgressAsync(message.StoreId, message.CustomerId, cancellationToken);
        progress.Registered(message);
        await MoveLeadAsync(progress, "customer registered", message.RegisteredAt, cancellationToken,
            lead => lead.BecameCustomer(message.CustomerId, message.CustomerNo));
    }
}

public sealed class CustomerMetConsumer(PartnerDbContext db, TimeProvider clock, LeadStatusUpdates updates)
    : CustomerProgressConsumer<CustomerMet>(db, clock, updates)
{
    protected override async Task HandleAsync(CustomerMet message, ConsumeContext<CustomerMet> context)
    {
        var progress = await ProgressAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        progress.Met(message.MetAt);
        await MoveLeadAsync(progress, "customer met", message.MetAt, context.CancellationToken);
    }
}

public sealed class MilestoneRecordedConsumer(PartnerDbContext db, TimeProvider clock, LeadStatusUpdates updates)
    : CustomerProgressConsumer<MilestoneRecorded>(db, clock, updates)
{
    protected override async Task HandleAsync(MilestoneRecorded message, ConsumeContext<MilestoneRecorded> context)
    {
        var progress = await ProgressAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        progress.Milestone(message.MilestoneId, message.RecordedAt ?? message.At, message.Stage);
        await MoveLeadAsync(progress, $"milestone {message.Type}", message.At, context.CancellationToken);
    }
}

/// <summary>A customer's phone changed: the phone known for them changes with it.</summary>
public sealed class CustomerDetailsChangedConsumer(PartnerDbContext db, TimeProvider clock) : IdempotentConsumer<CustomerDetailsChanged, PartnerDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerDetailsChanged message, ConsumeContext<CustomerDetailsChanged> context)
    {
        if (message.Phone is not { } phone) return;
        var known = await Db.KnownPhones.FirstOrDefaultAsync(p => p.CustomerId == message.CustomerId, context.CancellationToken);
        if (known is null) Db.KnownPhones.Add(KnownPhone.Of(message.CustomerId, phone));
        else known.Changed(phone);
    }
}

/// <summary>The customer service found the lead's phone already belongs to a customer: the lead is a duplicate.</summary>
public sealed class LeadDuplicateFoundConsumer(PartnerDbContext db, TimeProvider clock, LeadStatusUpdates updates)
    : IdempotentConsumer<LeadDuplicateFound, PartnerDbContext>(db, clock)
{
    protected override async Task HandleAsync(LeadDuplicateFound message, ConsumeContext<LeadDuplicateFound> context)
    {
        var lead = await Db.Leads.FirstOrDefaultAsync(l => l.Id == message.LeadId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Lead {message.LeadId} is unknown here.");
        await updates.MoveAsync(lead, LeadStatus.Duplicate, "phone already a customer", message.FoundAt, context.CancellationToken);
    }
}
