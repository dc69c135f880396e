using System.Linq.Expressions;
using Crm.Partners.Jobs;

namespace Crm.Partners.Apis;

/// <summary>Marketing's leads sent as a file (CSV or Excel): uploaded, worked through in the background, progress and bad rows readable.</summary>
public static class ImportsApi
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    private static readonly string[] Uploaders = [StaffRoles.ChainAdmin, StaffRoles.Marketing];

    public sealed record ImportJobResponse(
        Guid Id, string FileName, ImportState State, int? TotalRows, int ProcessedRows, int StoredRows, int DuplicateRows, int BadRows,
        string UploadedBy, DateTimeOffset UploadedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Failure, string ErrorsUrl)
    {
        /// <summary>Read without the file itself.</summary>
        public static readonly Expression<Func<ImportJob, ImportJobResponse>> Projection = j => new ImportJobResponse(
            j.Id, j.FileName, j.State, j.TotalRows, j.ProcessedRows, j.StoredRows, j.DuplicateRows, j.BadRows,
            j.UploadedByName, j.UploadedAt, j.StartedAt, j.FinishedAt, j.Failure, "/api/leads/imports/" + j.Id + "/errors");

        private static readonly Func<ImportJob, ImportJobResponse> FromJob = Projection.Compile();

        public static ImportJobResponse From(ImportJob j) => FromJob(j);
    }

    public sealed record RowErrorResponse(int Row, string Field, string Reason);

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var imports = routes.MapGroup("/api/leads/imports").WithTags("Lead uploads").RequireRoles(Uploaders);
        // The form is read by the handler, not bound, so that the caller's role is checked before the body's type.
        imports.MapPost("/", Upload).DisableAntiforgery().WithRequestTimeout(TimeSpan.FromMinutes(2))
            .WithSummary("Uploads marketing's leads as a CSV (UTF-8) or Excel file (multipart/form-data, field \"file\", at most 20 MB): 202 and the job, worked through in the background. The same file again answers 200 and the first job: it is not imported twice.")
            .WithDescription($"Columns (header row, any order, only name and phone and one of storeCode or city required): {string.Join(", ", LeadFile.Columns)}. Rows are checked like a registration; good rows are stored even when others are bad, and the bad ones are listed by row number (the header is row 1). A row's phone already known is stored as a Duplicate lead. Without an externalId column each row gets one from the file and the row number.");
        imports.MapGet("/", List).WithSummary("The uploads, newest first.");
        imports.MapGet("/template", Template).WithSummary("An empty lead file with the header row (format=csv|xlsx).");
        imports.MapGet("/{id:guid}", Get).WithSummary("An upload's progress: rows in the file, worked through, stored, duplicates, bad; its state.");
        imports.MapGet("/{id:guid}/errors", Errors).WithSummary("The bad rows of an upload by row number, field and reason (format=json|csv|xlsx).");
        return routes;
    }

    private static async Task<Results<Accepted<ImportJobResponse>, Ok<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> Upload(
        HttpRequest request, PartnerDbContext db, StoreScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0) return Problems.Invalid("file", "A CSV or Excel file in the form field \"file\".");
        if (file.Length > MaxFileBytes) return Problems.Invalid("file", $"At most {MaxFileBytes / 1024 / 1024} MB.");
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx")) return Problems.Invalid("file", "A .csv or .xlsx file.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var job = ImportJob.Upload(Path.GetFileName(file.FileName), extension[1..], buffer.ToArray(), scope.Actor, scope.ActorName, clock.GetUtcNow());

        var earlier = await db.ImportJobs.AsNoTracking().Where(j => j.FileHash == job.FileHash).Select(ImportJobResponse.Projection).FirstOrDefaultAsync(cancellationToken);
        if (earlier is not null) return TypedResults.Ok(earlier);
        db.ImportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The same file sent twice at the same moment: the first is the job.
            db.ChangeTracker.Clear();
            return TypedResults.Ok(await db.ImportJobs.AsNoTracking().Where(j => j.FileHash == job.FileHash).Select(ImportJobResponse.Projection).FirstAsync(cancellationToken));
        }
        return TypedResults.Accepted($"/api/leads/imports/{job.Id}", ImportJobResponse.From(job));
    }

    private static async Task<Results<Ok<ListPage<ImportJobResponse>>, ValidationProblem>> List(int? page, int? pageSize, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);
        var total = await db.ImportJobs.LongCountAsync(cancellationToken);
        var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.UploadedAt).Skip(paging.Skip).Take(paging.PageSize)
            .Select(ImportJobResponse.Projection).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ListPage<ImportJobResponse>(jobs, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> Get(Guid id, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(ImportJobResponse.Projection).FirstOrDefaultAsync(cancellationToken);
        return job is null ? Problems.NotFound("upload") : TypedResults.Ok(job);
    }

    private static async Task<Results<Ok<List<RowErrorResponse>>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Errors(
        Guid id, string? format, PartnerDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.Parse(format, errors);
        if (errors.Any) return Problems.Invalid(errors);
        if (!await db.ImportJobs.AnyAsync(j => j.Id == id, cancellationToken)) return Problems.NotFound("upload");
        var rows = await db.ImportRowErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Row).ThenBy(e => e.Field)
            .Select(e => new RowErrorResponse(e.Row, e.Field, e.Reason)).ToListAsync(cancellationToken);
        if (file == ExportFormat.Json) return TypedResults.Ok(rows);
        var table = new ExportTable("错误行 Bad rows", ["行 Row", "列 Column", "原因 Reason"], rows.ConvertAll(r => new object?[] { r.Row, r.Field, r.Reason }));
        return await table.ToFileAsync(file!.Value, $"lead-upload-{id:N}-errors", cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Template(string? format, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var file = ExportFormats.ParseFile(format, errors);
        if (errors.Any) return Problems.Invalid(errors);
        return await new ExportTable("Leads", LeadFile.Columns, []).ToFileAsync(file!.Value, "leads-template", cancellationToken);
    }
}
