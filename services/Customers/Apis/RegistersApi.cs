using Crm.Customers.Reports;

namespace Crm.Customers.Apis;

public sealed record RegisterRow(
    DateTimeOffset At, string LocalTime, Guid CustomerId, string CustomerNo, string Name, string Phone, CustomerSource Source,
    bool? Returning, string? DesignerName, CustomerStage Stage, string? RecordedBy);

public sealed record RegisterResponse(Guid StoreId, string StoreCode, string Register, string Period, long Total, IReadOnlyList<RegisterRow> Rows);

/// <summary>
/// The paper registers as data (domain.md §1): the walk-in and phone registers (来店/电话登记) list the
/// visits of a store-local day or month, the handed-over register (日转交客户登记表) the customers dispatched.
/// </summary>
public static class RegistersApi
{
    private static readonly string[] Registers = ["walk-in", "phone", "handed-over"];

    public static async Task<Results<Ok<RegisterResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string register, Guid? storeId, DateOnly? date, string? month, string? format,
        CustomerDbContext db, StoreScope scope, CancellationToken cancellationToken)
    {
        if (!Registers.Contains(register)) return Problems.NotFound($"register '{register}' (there are {string.Join(", ", Registers)})");
        var errors = new FieldErrors();
        storeId = scope.StoreOr(storeId);
        if (storeId is null) errors.Add("storeId", "Name the store whose register to read.");
        var period = RegisterPeriod.Read(date, month, errors);
        var exportFormat = ExportFormats.Parse(format, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, cancellationToken);
        if (store is null) return Problems.NotFound("store");

        var rows = register == "handed-over"
            ? await HandedOverAsync(db, store, period!, cancellationToken)
            : await VisitsAsync(db, store, register == "walk-in" ? VisitChannel.WalkIn : VisitChannel.Phone, period!, cancellationToken);

        if (exportFormat == ExportFormat.Json)
            return TypedResults.Ok(new RegisterResponse(store.Id, store.Code, register, period!.Label, rows.Count, rows));
        return await Table(register, rows).ToFileAsync(exportFormat!.Value, $"{register}-{store.Code}-{period!.Label}", cancellationToken);
    }

    private static async Task<List<RegisterRow>> VisitsAsync(CustomerDbContext db, Store store, VisitChannel channel, RegisterPeriod period, CancellationToken cancellationToken)
    {
        var visits = await (
            from v in db.Visits.AsNoTracking()
            where v.StoreId == store.Id && v.Channel == channel && v.On >= period.From && v.On <= period.To
            join c in db.Customers.AsNoTracking() on v.CustomerId equals c.Id
            orderby v.At, v.Id
            select new { v.At, v.Returning, v.RecordedByName, Customer = c }).ToListAsync(cancellationToken);
        return visits.ConvertAll(v => new RegisterRow(v.At, store.LocalTime(v.At), v.Customer.Id, v.Customer.CustomerNo, v.Customer.Name, v.Customer.Phone,
            v.Customer.Source, v.Returning, v.Customer.Designer?.DesignerName, v.Customer.Stage, v.RecordedByName));
    }

    private static async Task<List<RegisterRow>> HandedOverAsync(CustomerDbContext db, Store store, RegisterPeriod period, CancellationToken cancellationToken)
    {
        var dispatches = await (
            from d in db.Dispatches.AsNoTracking()
            where d.StoreId == store.Id && d.DispatchedOn >= period.From && d.DispatchedOn <= period.To
            join c in db.Customers.AsNoTracking() on d.CustomerId equals c.Id
            orderby d.DispatchedAt, d.AssignmentId
            select new { d.DispatchedAt, d.DesignerName, Customer = c }).ToListAsync(cancellationToken);
        return dispatches.ConvertAll(d => new RegisterRow(d.DispatchedAt, store.LocalTime(d.DispatchedAt), d.Customer.Id, d.Customer.CustomerNo, d.Customer.Name,
            d.Customer.Phone, d.Customer.Source, null, d.DesignerName, d.Customer.Stage, null));
    }

    /// <summary>The columns of the paper forms, in the words store staff use.</summary>
    private static ExportTable Table(string register, List<RegisterRow> rows) => register == "handed-over"
        ? new ExportTable("日转交客户登记表", ["转交时间", "客户编号", "姓名", "电话", "来源", "设计师", "阶段"],
            rows.ConvertAll(r => new object?[] { r.LocalTime, r.CustomerNo, r.Name, r.Phone, r.Source, r.DesignerName, r.Stage }))
        : new ExportTable(register == "walk-in" ? "来店客户登记表" : "电话咨询登记表", ["登记时间", "客户编号", "姓名", "电话", "来源", "回头客", "设计师", "阶段", "登记人"],
            rows.ConvertAll(r => new object?[] { r.LocalTime, r.CustomerNo, r.Name, r.Phone, r.Source, r.Returning, r.DesignerName, r.Stage, r.RecordedBy }));
}
