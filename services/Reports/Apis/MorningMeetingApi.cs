using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>The morning meeting (晨会) of one store and day in one request.</summary>
public static class MorningMeetingApi
{
    public static IEndpointRouteBuilder MapMorningMeetingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/reports/morning-meeting").RoutedToStoreShard<ReportDbContext>().MapGet("/", Get).WithTags("Reports")
            .WithSummary("For a store and a store-local day (today if absent): attendance, each stage's count yesterday and standing now, open customer problems, completeness; follow-ups due and overdue per customer manager, contract-form alerts; format=csv|xlsx gives it all as one sheet, section after section.")
            .RequireRoles(StaffRoles.StoreStaff);
        return routes;
    }

    private static async Task<Results<Ok<MorningMeetingReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        Guid? storeId, DateOnly? date, string? format, ReportDbContext db, StoreScope scope, MorningMeeting meeting, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.Parse(format, errors);
        var id = scope.StoreOr(storeId);
        if (id is null) errors.Add("storeId", "The store whose meeting it is.");
        if (errors.Any) return Problems.Invalid(errors);
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (store is null) return Problems.NotFound("store");

        var report = await meeting.ComputeAsync(store, date ?? store.LocalDate(clock.GetUtcNow()), cancellationToken);
        if (file == ExportFormat.Json) return TypedResults.Ok(report);
        var table = new ExportTable("晨会", ["部分 Section", "项目 Item", "昨日/今日到期 Yesterday/Due today", "当前/逾期 Now/Overdue", "说明 Detail"], Lines(report, store));
        return await table.ToFileAsync(file!.Value, $"morning-meeting-{store.Code}-{report.Date:yyyyMMdd}", cancellationToken);
    }

    /// <summary>The meeting as one table, section after section, so that it reads the same in CSV and in Excel.</summary>
    private static List<object?[]> Lines(MorningMeetingReport report, StoreCopy store)
    {
        var lines = new List<object?[]>();
        lines.AddRange(report.Stages.Select(s => new object?[] { "客户资源 Stages", StageNames[s.Stage], s.Yesterday, s.Now, null }));
        lines.AddRange(report.Attendance.OnDuty.Select(name => new object?[] { "考勤 Attendance", name, null, null, "在岗 On duty" }));
        lines.AddRange(report.Attendance.Absent.Select(name => new object?[] { "考勤 Attendance", name, null, null, "缺勤 Absent" }));
        lines.AddRange(report.Problems.Select(p => new object?[]
            { "客户问题 Problems", p.CustomerNo, null, null, $"{p.DesignerName}: {p.What} (提出 {p.RaisedBy}, 期限 {p.DueOn:yyyy-MM-dd}{(p.Overdue ? ", 逾期 overdue" : "")})" }));
        lines.AddRange(report.FollowUps.Select(f => new object?[] { "回访 Follow-ups", f.AssigneeName ?? "未分配 Unassigned", f.DueToday, f.Overdue, null }));
        lines.AddRange(report.FormAlerts.Select(a => new object?[]
            { "合同文本预警 Form alerts", a.Serial, null, null, $"{AlertNames[a.Kind]} {store.LocalTime(a.Since)} {a.HolderName ?? a.DesignerName} {a.Reason}".TrimEnd() }));
        lines.Add(["完整率 Completeness", null, null, report.CompletenessRate, null]);
        return lines;
    }

    private static readonly Dictionary<FormAlertKind, string> AlertNames = new()
    {
        [FormAlertKind.NotRetrieved] = "未收回 Not retrieved since",
        [FormAlertKind.ReturnOverdue] = "逾期未归还 Return overdue since",
        [FormAlertKind.Lost] = "遗失 Lost",
    };

    private static readonly Dictionary<MeetingStage, string> StageNames = new()
    {
        [MeetingStage.New] = "新登记 New",
        [MeetingStage.DepositPaid] = "交定金 Deposit paid",
        [MeetingStage.Measured] = "已量房 Measured",
        [MeetingStage.DesignFeePaid] = "交设计费 Design fee paid",
        [MeetingStage.DrawingsIssuedOrQuoted] = "出图/报价 Drawings or quote",
        [MeetingStage.Signed] = "签单 Signed",
    };
}
