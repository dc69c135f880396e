using MassTransit;

namespace Crm.Reports.Consumers;

/// <summary>A designer joined a store's roster: the morning meeting's attendance lists them.</summary>
public sealed class DesignerJoinedConsumer(ReportDbContext db, TimeProvider clock) : IdempotentConsumer<DesignerJoined, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(DesignerJoined message, ConsumeContext<DesignerJoined> context)
    {
        if (!await Db.Designers.AnyAsync(d => d.Id == message.DesignerId, context.CancellationToken)) Db.Designers.Add(DesignerFact.From(message));
    }
}

/// <summary>A designer's attendance on a day, the latest record winning.</summary>
public sealed class DutyRecordedConsumer(ReportDbContext db, TimeProvider clock) : IdempotentConsumer<DutyRecorded, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(DutyRecorded message, ConsumeContext<DutyRecorded> context)
    {
        var duty = await Db.Duties.FirstOrDefaultAsync(d => d.DesignerId == message.DesignerId && d.Day == message.Day, context.CancellationToken);
        if (duty is null) Db.Duties.Add(DutyFact.From(message));
        else duty.Apply(message);
    }
}

/// <summary>A customer problem raised for a designer: listed at the morning meeting until resolved.</summary>
public sealed class CustomerProblemRaisedConsumer(ReportDbContext db, TimeProvider clock) : IdempotentConsumer<CustomerProblemRaised, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerProblemRaised message, ConsumeContext<CustomerProblemRaised> context)
    {
        if (!await Db.Problems.AnyAsync(p => p.Id == message.ProblemId, context.CancellationToken)) Db.Problems.Add(ProblemFact.From(message));
    }
}

/// <summary>A customer problem resolved; retried until its raising has arrived.</summary>
public sealed class CustomerProblemResolvedConsumer(ReportDbContext db, TimeProvider clock) : IdempotentConsumer<CustomerProblemResolved, ReportDbContext>(db, clock)
{
    protected override async Task HandleAsync(CustomerProblemResolved message, ConsumeContext<CustomerProblemResolved> context)
    {
        var problem = await Db.Problems.FirstOrDefaultAsync(p => p.Id == message.ProblemId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Problem {message.ProblemId} is not known to reports yet.");
        problem.Resolved(message.ResolvedAt);
    }
}
