namespace Crm.Reports.Consumers;

/// <summary>A designer joined a store's roster: the morning meeting's attendance lists them.</summary>
public sealed class DesignerJoinedConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<DesignerJoined>(db, clock)
{
    public override async Task ApplyAsync(DesignerJoined message, CancellationToken cancellationToken)
    {
        if (!await Db.Designers.AnyAsync(d => d.Id == message.DesignerId, cancellationToken)) Db.Designers.Add(DesignerFact.From(message));
    }
}

/// <summary>A designer's attendance on a day, the latest record winning.</summary>
public sealed class DutyRecordedConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<DutyRecorded>(db, clock)
{
    public override async Task ApplyAsync(DutyRecorded message, CancellationToken cancellationToken)
    {
        var duty = await Db.Duties.FirstOrDefaultAsync(d => d.DesignerId == message.DesignerId && d.Day == message.Day, cancellationToken);
        if (duty is null) Db.Duties.Add(DutyFact.From(message));
        else duty.Apply(message);
    }
}

/// <summary>A customer problem raised for a designer: listed at the morning meeting until resolved.</summary>
public sealed class CustomerProblemRaisedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents waiting) : FactConsumer<CustomerProblemRaised>(db, clock)
{
    public override async Task ApplyAsync(CustomerProblemRaised message, CancellationToken cancellationToken)
    {
        if (await Db.Problems.AnyAsync(p => p.Id == message.ProblemId, cancellationToken)) return;
        Db.Problems.Add(ProblemFact.From(message));
        await waiting.ReleaseAsync(FactKey.Problem(message.ProblemId), cancellationToken);
    }
}

/// <summary>A customer problem resolved; kept until its raising has arrived.</summary>
public sealed class CustomerProblemResolvedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents waiting) : FactConsumer<CustomerProblemResolved>(db, clock)
{
    public override async Task ApplyAsync(CustomerProblemResolved message, CancellationToken cancellationToken)
    {
        var problem = await waiting.ParentOrWaitAsync(FactKey.Problem(message.ProblemId), message,
            ct => Db.Problems.FirstOrDefaultAsync(p => p.Id == message.ProblemId, ct), cancellationToken);
        problem?.Resolved(message.ResolvedAt);
    }
}
