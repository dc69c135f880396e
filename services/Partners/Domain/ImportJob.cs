namespace Crm.Partners.Domain;

public enum ImportState
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// Marketing's upload of leads as a file. Worked through in batches by <c>LeadImports</c>, each batch committed
/// with the progress it makes, so a restart carries on where it stopped. The file's hash makes a second upload of
/// the same file answer the first job instead of importing it again.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string FileHash { get; private set; } = "";
    public string Format { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string UploadedBy { get; private set; } = "";
    public string UploadedByName { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public ImportState State { get; private set; }
    public int? TotalRows { get; private set; }
    /// <summary>Data rows worked through so far (stored, duplicate or bad).</summary>
    public int ProcessedRows { get; private set; }
    public int StoredRows { get; private set; }
    /// <summary>Of the stored rows, those whose phone was already known (stored as Duplicate leads).</summary>
    public int DuplicateRows { get; private set; }
    public int BadRows { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? Failure { get; private set; }

    public static ImportJob Upload(string fileName, string format, byte[] content, string by, string byName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), FileName = fileName, Format = format, Content = content, FileHash = Secrets.HashBytes(content),
        UploadedBy = by, UploadedByName = byName, UploadedAt = now, State = ImportState.Queued,
    };

    public void Start(int totalRows, DateTimeOffset now)
    {
        (TotalRows, State) = (totalRows, ImportState.Running);
        StartedAt ??= now;
    }

    public void Progress(int processed, int stored, int duplicates, int bad)
    {
        ProcessedRows += processed;
        StoredRows += stored;
        DuplicateRows += duplicates;
        BadRows += bad;
    }

    public void Complete(DateTimeOffset now) => (State, FinishedAt) = (ImportState.Completed, now);

    public void Fail(string reason, DateTimeOffset now) => (State, FinishedAt, Failure) = (ImportState.Failed, now, reason);
}

/// <summary>Why a row of an upload was not stored: its number as the spreadsheet shows it (the header is row 1), the field and the reason.</summary>
public sealed class ImportRowError
{
    public Guid JobId { get; private set; }
    public int Row { get; private set; }
    public string Field { get; private set; } = "";
    public string Reason { get; private set; } = "";

    public static ImportRowError Of(Guid jobId, int row, string field, string reason) => new() { JobId = jobId, Row = row, Field = field, Reason = reason };
}
