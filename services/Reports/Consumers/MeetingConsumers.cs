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
public sealed class CustomerProblemRaisedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<CustomerProblemRaised>(db, clock)
{
    public override async Task ApplyAsync(CustomerProblemRaised message, CancellationToken cancellationToken)
    {
        if (await Db.Problems.AnyAsync(p => p.Id == message.ProblemId, cancellationToken)) return;
        Db.Problems.Add(ProblemFact.From(message));
        await waiting.ReleaseAsync(WaitKey.Problem(message.ProblemId), cancellationToken);
    }
}

/// <summary>A customer problem resolved; kept until its raising has arrived.</summary>
public sealed class CustomerProblemResolvedConsumer(ReportDbContext db, TimeProvider clock, WaitingEvents<ReportDbContext> waiting) : FactConsumer<CustomerProblemResolved>(db, clock)
{
    public override async Task ApplyAsync(CustomerProblemResolved message, CancellationToken cancellationToken)
    {
        var problem = await waiting.ParentOrWaitAsync(WaitKey.Problem(message.ProblemId), message,
            ct => Db.Problems.FirstOrDefaultAsync(p => p.Id == message.ProblemId, ct), cancellationToken);
        problem?.Resolved(message.ResolvedAt);
    }
}

/// <summary>A follow-up task made, ended or given to someone else: the meeting counts the open ones due per customer manager.</summary>
public sealed class FollowUpTaskChangedConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<FollowUpTaskChanged>(db, clock)
{
    public override async Task ApplyAsync(FollowUpTaskChanged message, CancellationToken cancellationToken)
    {
        var task = await Db.Tasks.FirstOrDefaultAsync(t => t.Id == message.TaskId, cancellationToken);
        if (task is null) Db.Tasks.Add(TaskFact.From(message));
        else task.Apply(message);
        var at = message.At.ToUniversalTime();
        if (!await Db.TaskAssignees.AnyAsync(a => a.TaskId == message.TaskId && a.At == at, cancellationToken)) Db.TaskAssignees.Add(TaskAssigneeFact.From(message));
    }
}

/// <summary>A contract form moved: the meeting lists the forms not retrieved, not returned in time, or lost.</summary>
public sealed class ContractFormMovedConsumer(ReportDbContext db, TimeProvider clock) : FactConsumer<ContractFormMoved>(db, clock)
{
    public override async Task ApplyAsync(ContractFormMoved message, CancellationToken cancellationToken)
    {
        var at = message.At.ToUniversalTime();
        if (!await Db.FormVersions.AnyAsync(f => f.Serial == message.Serial && f.At == at, cancellationToken)) Db.FormVersions.Add(FormVersionFact.From(message));
    }
}
