namespace Crm.Contracts.Apis;

public sealed record ReceiveFormsRequest(Guid? StoreId, string? FromSerial, string? ToSerial);

public sealed record IssueFormRequest(Guid? DesignerId, Guid? CustomerId)
{
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (DesignerId is null) errors.Add("designerId", "The designer the form is issued to.");
        if (CustomerId is null) errors.Add("customerId", "The customer the form is issued for.");
        return errors;
    }
}

public sealed record SignFormRequest(Guid? CustomerId, decimal? Amount, decimal? AreaM2, DateTimeOffset? SignedAt)
{
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (CustomerId is null) errors.Add("customerId", "The customer who signed.");
        if (Amount is null or <= 0 or > 100_000_000m) errors.Add("amount", "The contract amount in yuan, more than 0.");
        if (AreaM2 is null or <= 0 or > 100_000m) errors.Add("areaM2", "The area in m², more than 0.");
        return errors;
    }
}

public sealed record PassOnRequest(Guid? ToUserId, string? Purpose, DateTimeOffset? ExpectedReturnAt)
{
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (ToUserId is null) errors.Add("toUserId", "The staff member the form is passed to.");
        if (string.IsNullOrWhiteSpace(Purpose)) errors.Add("purpose", "Why the form is passed on: the ledger keeps the purpose.");
        else if (Purpose.Length > TextLimits.Reason) errors.Add("purpose", $"At most {TextLimits.Reason} characters.");
        if (ExpectedReturnAt is null) errors.Add("expectedReturnAt", "When the form is to come back (ISO 8601).");
        return errors;
    }
}

public sealed record ReasonRequest(string? Reason)
{
    public FieldErrors Check(bool required)
    {
        var errors = new FieldErrors();
        if (required && string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", "Say why: the ledger keeps the reason.");
        else if (Reason is { Length: > TextLimits.Reason }) errors.Add("reason", $"At most {TextLimits.Reason} characters.");
        return errors;
    }

    public string? Tidy => string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
}

public sealed record ReportFormRequest(Guid? FinanceUserId);

/// <summary>The contract on a signed form. Amount and area are for the signing designer, the store manager, finance and ChainAdmin only (不泄露合同信息).</summary>
public sealed record ContractResponse(Guid CustomerId, decimal? Amount, decimal? AreaM2, DateTimeOffset SignedAt, bool FiguresHidden);

public sealed record PassedOnResponse(Guid FromId, string FromName, string Purpose, DateTimeOffset At, DateTimeOffset ExpectedReturnAt);

public sealed record ReviewResponse(DateTimeOffset At, string By, string? Reason);

public sealed record FormResponse(
    string Serial, Guid StoreId, FormState State, Guid? HolderId, string? HolderName, DateTimeOffset ReceivedAt,
    Guid? DesignerId, string? DesignerName, Guid? CustomerId, DateTimeOffset? IssuedAt, ContractResponse? Contract,
    DateTimeOffset? RetrievedAt, PassedOnResponse? PassedOn, ReviewResponse? Review, DateTimeOffset? ReportedAt,
    DateTimeOffset? AcknowledgedAt, string? EndReason, DateTimeOffset? EndedAt)
{
    public static FormResponse From(ContractForm f, StoreScope viewer)
    {
        var seesFigures = ContractFigures.SeenBy(viewer, f);
        return new(f.Serial, f.StoreId, f.State, f.HolderId, f.HolderName, f.ReceivedAt, f.DesignerId, f.DesignerName, f.CustomerId, f.IssuedAt,
            f.SignedAt is { } signed ? new ContractResponse(f.CustomerId!.Value, seesFigures ? f.Amount : null, seesFigures ? f.AreaM2 : null, signed, !seesFigures) : null,
            f.RetrievedAt,
            f.PassedAt is { } at ? new PassedOnResponse(f.PassedFromId!.Value, f.PassedFromName!, f.PassedPurpose!, at, f.ExpectedReturnAt!.Value) : null,
            f.ReviewedAt is { } reviewed ? new ReviewResponse(reviewed, f.ReviewedByName!, f.ReviewReason) : null,
            f.ReportedAt, f.AcknowledgedAt, f.EndReason, f.EndedAt);
    }
}

/// <summary>One line of the custody ledger; a passing-on shows when it actually came back.</summary>
public sealed record CustodyLineResponse(
    CustodyAction Action, FormState StateAfter, Guid? FromId, string? FromName, Guid? ToId, string? ToName, string? Purpose,
    DateTimeOffset? ExpectedReturnAt, DateTimeOffset? ReturnedAt, string RecordedBy, DateTimeOffset At);

public sealed record CustodyResponse(string Serial, FormState State, Guid? HolderId, string? HolderName, IReadOnlyList<CustodyLineResponse> Moves)
{
    public static CustodyResponse From(ContractForm form, IReadOnlyList<CustodyEntry> entries)
    {
        var lines = new List<CustodyLineResponse>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            DateTimeOffset? returnedAt = e.Action == CustodyAction.PassedOn
                ? entries.Skip(i + 1).FirstOrDefault(r => r.Action is CustodyAction.Returned or CustodyAction.Lost)?.At
                : null;
            lines.Add(new(e.Action, e.StateAfter, e.FromId, e.FromName, e.ToId, e.ToName, e.Purpose, e.ExpectedReturnAt, returnedAt, e.RecordedByName, e.At));
        }
        return new(form.Serial, form.State, form.HolderId, form.HolderName, lines);
    }
}
