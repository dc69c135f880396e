namespace Crm.Reports.Reports;

/// <summary>The stages of the handbook's morning list (客户资源统计), in its order.</summary>
public enum MeetingStage { New, DepositPaid, Measured, DesignFeePaid, DrawingsIssuedOrQuoted, Signed }

/// <summary>A stage of the morning list: how many customers reached it yesterday, and how many stand in it now.</summary>
public sealed record StageLine(MeetingStage Stage, int Yesterday, int Now);

/// <summary>The designers on duty and absent on the day (考勤记录), in roster order.</summary>
public sealed record Attendance(IReadOnlyList<string> OnDuty, IReadOnlyList<string> Absent);

/// <summary>A customer problem open at the end of the day, overdue when its due day has passed.</summary>
public sealed record MeetingProblem(Guid ProblemId, Guid CustomerId, string CustomerNo, string DesignerName, string What, DateOnly DueOn, string RaisedBy, bool Overdue);

/// <summary>A customer manager's open follow-up tasks: due on the day, and overdue from before it.</summary>
public sealed record AssigneeFollowUps(Guid? AssigneeId, string? AssigneeName, int DueToday, int Overdue);

public sealed record MorningMeetingReport(
    Guid StoreId, string StoreName, DateOnly Date, Attendance Attendance, IReadOnlyList<StageLine> Stages, IReadOnlyList<MeetingProblem> Problems,
    IReadOnlyList<AssigneeFollowUps> FollowUps, IReadOnlyList<FormAlertLine> FormAlerts, decimal? CompletenessRate);

/// <summary>
/// The morning meeting of domain.md §5 for one store and day, from the dated facts: attendance, the stage list
/// (yesterday's count and the count standing at the end of the day), the open customer problems, the follow-ups due
/// and overdue per customer manager, the contract-form alerts and the store's completeness rate. Everything stands
/// as at the end of the day, or now while the day lasts. Its cost follows the store, not the chain.
/// </summary>
public sealed class MorningMeeting(ReportDbContext db, Tallies tallies, TimeProvider clock)
{
    public async Task<MorningMeetingReport> ComputeAsync(StoreCopy store, DateOnly day, CancellationToken ct)
    {
        var yesterday = day.AddDays(-1);
        var endOfDay = StoreDays.StartOf(store.TimeZone, day.AddDays(1));
        var now = clock.GetUtcNow();
        var asAt = now < endOfDay ? now : endOfDay;

        // One query a section: the meeting's cost is its round trips and the one store's rows, not the chain's.
        var roster = await db.Designers.AsNoTracking().Where(d => d.StoreId == store.Id).OrderBy(d => d.RosterNumber)
            .Select(d => new { d.Name, Absent = db.Duties.Any(x => x.DesignerId == d.Id && x.Day == day && !x.OnDuty) }).ToListAsync(ct);
        var attendance = new Attendance(roster.Where(d => !d.Absent).Select(d => d.Name).ToList(), roster.Where(d => d.Absent).Select(d => d.Name).ToList());

        var milestones = db.Milestones.AsNoTracking().Where(m => m.StoreId == store.Id);
        var yesterdays = await milestones.Where(m => m.Day == yesterday).Select(m => new { m.Type, m.CustomerId }).Distinct().ToListAsync(ct);
        var reachedYesterday = yesterdays.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Count());
        var drawnOrQuoted = yesterdays.Where(m => m.Type is MilestoneType.DrawingsIssued or MilestoneType.Quoted).Select(m => m.CustomerId).Distinct().Count();

        // Where the store's customers stood at the end of the day, from its tallies.
        var standing = await tallies.StandingAsync(store.Id, day, ct);
        var newYesterday = await db.Customers.AsNoTracking().CountAsync(c => c.StoreId == store.Id && c.RegisteredOn == yesterday, ct);
        int Now(params CustomerStage[] stages) => stages.Sum(s => standing.GetValueOrDefault(s));
        StageLine Line(MeetingStage stage, MilestoneType type, params CustomerStage[] stages) => new(stage, reachedYesterday.GetValueOrDefault(type), Now(stages));
        IReadOnlyList<StageLine> lines =
        [
            new(MeetingStage.New, newYesterday, Now(CustomerStage.Registered, CustomerStage.AssignedToStore)),
            Line(MeetingStage.DepositPaid, MilestoneType.DepositPaid, CustomerStage.DepositPaid),
            Line(MeetingStage.Measured, MilestoneType.Measured, CustomerStage.Measured),
            Line(MeetingStage.DesignFeePaid, MilestoneType.DesignFeePaid, CustomerStage.DesignFeePaid),
            new(MeetingStage.DrawingsIssuedOrQuoted, drawnOrQuoted, Now(CustomerStage.DrawingsIssued, CustomerStage.Quoted)),
            Line(MeetingStage.Signed, MilestoneType.ContractSigned, CustomerStage.ContractSigned, CustomerStage.Reviewed),
        ];

        var problems = await db.Problems.AsNoTracking()
            .Where(p => p.StoreId == store.Id && p.RaisedAt < endOfDay && (p.ResolvedAt == null || p.ResolvedAt >= endOfDay))
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new { p, c.CustomerNo })
            .OrderBy(x => x.p.DueOn).ThenBy(x => x.p.RaisedAt).ToListAsync(ct);

        var followUps = await FollowUpsAsync(store, day, asAt, ct);
        var forms = await db.FormVersions
            .FromSql($"""SELECT DISTINCT ON ("Serial") * FROM "FormVersions" WHERE "StoreId" = {store.Id} AND "At" < {asAt} ORDER BY "Serial", "At" DESC""")
            .AsNoTracking().ToListAsync(ct);
        var formAlerts = forms.SelectMany(f => FormAlertRule.At(f, asAt)).OrderBy(a => a.Since).ThenBy(a => a.Serial, StringComparer.Ordinal).ToList();

        var completeness = await tallies.CompletenessRateAsync(store.Id, day, ct);
        return new MorningMeetingReport(store.Id, store.Name, day, attendance, lines,
            problems.ConvertAll(x => new MeetingProblem(x.p.Id, x.p.CustomerId, x.CustomerNo, x.p.DesignerName, x.p.What, x.p.DueOn, x.p.RaisedBy, x.p.DueOn < day)),
            followUps, formAlerts, completeness);
    }

    /// <summary>The tasks open at the moment and due by the day, counted per assignee at that moment.</summary>
    private async Task<List<AssigneeFollowUps>> FollowUpsAsync(StoreCopy store, DateOnly day, DateTimeOffset asAt, CancellationToken ct)
    {
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.StoreId == store.Id && t.DueOn <= day && t.CreatedAt < asAt && (t.EndedAt == null || t.EndedAt >= asAt))
            .Select(t => new
            {
                t.DueOn,
                AssigneeId = db.TaskAssignees.Where(a => a.StoreId == t.StoreId && a.TaskId == t.Id && a.At < asAt).OrderByDescending(a => a.At).Select(a => a.AssigneeId).FirstOrDefault(),
                AssigneeName = db.TaskAssignees.Where(a => a.StoreId == t.StoreId && a.TaskId == t.Id && a.At < asAt).OrderByDescending(a => a.At).Select(a => a.AssigneeName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return open.GroupBy(t => (t.AssigneeId, t.AssigneeName))
            .Select(g => new AssigneeFollowUps(g.Key.AssigneeId, g.Key.AssigneeName, g.Count(t => t.DueOn == day), g.Count(t => t.DueOn < day)))
            .OrderBy(a => a.AssigneeName, StringComparer.Ordinal).ToList();
    }
}
