using MassTransit;

namespace Crm.Customers.Consumers;

/// <summary>A follow-up recorded by the followup service shows on the customer's timeline.</summary>
public sealed class FollowUpRecordedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<FollowUpRecorded, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(FollowUpRecorded message, ConsumeContext<FollowUpRecorded> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        var intent = message.Intent is null ? "" : $" Intent: {message.Intent}.";
        Db.Notes.Add(CustomerNote.Record(customer, "FollowUp", message.At, $"Follow-up ({message.Form}): {message.Summary}{intent}", message.RecordedBy));
    }
}

/// <summary>The designer accepting the customer shows on the timeline.</summary>
public sealed class AssignmentAcceptedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<AssignmentAccepted, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(AssignmentAccepted message, ConsumeContext<AssignmentAccepted> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        Db.Notes.Add(CustomerNote.Record(customer, "AssignmentAccepted", message.AcceptedAt, $"Designer {message.DesignerName} accepted the customer.", message.DesignerName));
    }
}

/// <summary>The designer refusing the customer shows on the timeline; dispatch sends the customer to another designer.</summary>
public sealed class AssignmentRefusedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<AssignmentRefused, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(AssignmentRefused message, ConsumeContext<AssignmentRefused> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        Db.Notes.Add(CustomerNote.Record(customer, "AssignmentRefused", message.RefusedAt, $"Designer {message.DesignerName} refused the customer: {message.Reason}", message.DesignerName));
    }
}
