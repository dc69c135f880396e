namespace Crm.Contracts.Apis;

/// <summary>Forms by state and the custody ledger of a period, as CSV or Excel, for finance to reconcile.</summary>
public static class ExportsApi
{
    private static readonly string[] Readers = [.. StaffRoles.StoreStaff, StaffRoles.Finance];

    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var exports = routes.MapGroup("/api/contracts").RoutedToStoreShard<ContractDbContext>();
        exports.MapGet("/forms/export", Forms).WithTags("Exports").WithSummary("The store's forms (by state), as format=csv or xlsx.").RequireRoles(Readers)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        exports.MapGet("/custody/export", Custody).WithTags("Exports").WithSummary("Every custody move of the store's forms in a period of store-local days, as format=csv or xlsx.").RequireRoles(Readers)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return routes;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Forms(
        Guid? storeId, string? state, string? format, ContractDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(storeId);
        if (store is null) errors.Add("storeId", "The store is required.");
        var inState = QueryEnum.Parse<FormState>(state, "state", errors);
        var file = ExportFormats.ParseFile(format, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var copy = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == store, cancellationToken);
        if (copy is null) return Problems.NotFound("store");

        var query = db.Forms.AsNoTracking().Where(f => f.StoreId == store);
        if (inState is not null) query = query.Where(f => f.State == inState);
        var rows = await (from f in query
                          join c in db.Customers.AsNoTracking() on f.CustomerId equals c.Id into customers
                          from c in customers.DefaultIfEmpty()
                          orderby f.Serial
                          select new { Form = f, CustomerNo = c == null ? null : c.CustomerNo }).ToListAsync(cancellationToken);
        string? Local(DateTimeOffset? at) => at is { } t ? copy.LocalTime(t) : null;
        var table = new ExportTable("合同文本", ["编号", "状态", "持有人", "设计师", "客户编号", "发放时间", "签订时间", "金额", "面积(m²)", "审批时间", "审批人", "上报财务", "财务确认", "作废/遗失原因"],
            rows.ConvertAll(r =>
            {
                var f = r.Form;
                var figures = ContractFigures.SeenBy(scope, f);
                return new object?[] { f.Serial, f.State, f.HolderName, f.DesignerName, r.CustomerNo, Local(f.IssuedAt), Local(f.SignedAt),
                    figures ? f.Amount : null, figures ? f.AreaM2 : null, Local(f.ReviewedAt), f.ReviewedByName, Local(f.ReportedAt), Local(f.AcknowledgedAt), f.EndReason };
            }));
        return await table.ToFileAsync(file!.Value, $"contract-forms-{copy.Code}{(inState is null ? "" : "-" + inState)}", cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Custody(
        Guid? storeId, DateOnly? from, DateOnly? to, string? format, ContractDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var store = scope.StoreOr(storeId);
        if (store is null) errors.Add("storeId", "The store is required.");
        if (from is null) errors.Add("from", "The first day of the period (yyyy-MM-dd).");
        if (to is null) errors.Add("to", "The last day of the period (yyyy-MM-dd).");
        if (from > to) errors.Add("to", "The last day is not before the first.");
        if (to?.DayNumber - from?.DayNumber > 366) errors.Add("to", "At most a year at once.");
        var file = ExportFormats.ParseFile(format, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var copy = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == store, cancellationToken);
        if (copy is null) return Problems.NotFound("store");

        var start = StoreDays.StartOf(copy.TimeZone, from!.Value);
        var end = StoreDays.StartOf(copy.TimeZone, to!.Value.AddDays(1));
        var entries = await db.Custody.AsNoTracking().Where(e => e.StoreId == store && e.At >= start && e.At < end)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var table = new ExportTable("合同文本流转台账", ["时间", "编号", "动作", "之后状态", "交出人", "接收人", "用途/原因", "预计归还", "记录人"],
            entries.ConvertAll(e => new object?[] { copy.LocalTime(e.At), e.Serial, e.Action, e.StateAfter, e.FromName, e.ToName, e.Purpose,
                e.ExpectedReturnAt is { } back ? copy.LocalTime(back) : null, e.RecordedByName }));
        return await table.ToFileAsync(file!.Value, $"custody-{copy.Code}-{from:yyyyMMdd}-{to:yyyyMMdd}", cancellationToken);
    }
}
