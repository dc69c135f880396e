using MassTransit;

namespace Crm.Customers.Consumers;

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

/// <summary>A customer problem raised for the designer shows on the timeline.</summary>
public sealed class CustomerProblemRaisedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerProblemRaised, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerProblemRaised message, ConsumeContext<CustomerProblemRaised> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        Db.Notes.Add(CustomerNote.Record(customer, "ProblemRaised", message.RaisedAt, $"Problem for designer {message.DesignerName}, due {message.DueOn:yyyy-MM-dd}: {message.What}", message.RaisedBy));
    }
}

/// <summary>The answer to a customer problem shows on the timeline.</summary>
public sealed class CustomerProblemResolvedConsumer(CustomerDbContext db, TimeProvider clock)
    : IdempotentConsumer<CustomerProblemResolved, CustomerDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerProblemResolved message, ConsumeContext<CustomerProblemResolved> context)
    {
        var customer = await Db.KnownCustomerAsync(message.StoreId, message.CustomerId, context.CancellationToken);
        Db.Notes.Add(CustomerNote.Record(customer, "ProblemResolved", message.ResolvedAt, $"Problem resolved: {message.Resolution}", message.ResolvedBy));
    }
}
