using Crm.Reports.Reports;

namespace Crm.Reports.Apis;

/// <summary>The morning meeting (晨会) of one store and day in one request.</summary>
public static class MorningMeetingApi
{
    public static IEndpointRouteBuilder MapMorningMeetingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/reports/morning-meeting", Get).WithTags("Reports")
            .WithSummary("For a store and a store-local day (today if absent): attendance, each stage's count yesterday and standing now, open customer problems, completeness; format=csv|xlsx gives the stage list as a sheet.")
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
        var table = new ExportTable("晨会", ["阶段 Stage", "昨日 Yesterday", "当前 Now"],
            report.Stages.Select(s => new object?[] { StageNames[s.Stage], s.Yesterday, s.Now }).ToList());
        return await table.ToFileAsync(file!.Value, $"morning-meeting-{store.Code}-{report.Date:yyyyMMdd}", cancellationToken);
    }

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
