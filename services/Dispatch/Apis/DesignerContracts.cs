namespace Crm.Dispatch.Apis;

public sealed record DesignerRequest(Guid? StoreId, string? Name, DesignerLevel? Level, bool? ChargesDesignFee, List<string>? Styles, string? Notes)
{
    public const int MaxStyles = 10;

    /// <summary>Checks the fields given; a new designer needs a name and a level.</summary>
    public FieldErrors Check(bool creating)
    {
        var errors = new FieldErrors();
        if (creating && string.IsNullOrWhiteSpace(Name)) errors.Add("name", "The designer's name is required.");
        if (Name is not null && (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > TextLimits.Name)) errors.Add("name", $"A name of 1 to {TextLimits.Name} characters.");
        if (creating && Level is null) errors.Add("level", $"The level is required: one of {string.Join(", ", Enum.GetNames<DesignerLevel>())}.");
        if (Styles is { } styles && (styles.Count > MaxStyles || styles.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > TextLimits.Word)))
            errors.Add("styles", $"At most {MaxStyles} styles of 1 to {TextLimits.Word} characters.");
        if (Notes is { Length: > TextLimits.Reason }) errors.Add("notes", $"At most {TextLimits.Reason} characters.");
        return errors;
    }

    public List<string>? TidyStyles() => Styles?.Select(s => s.Trim()).Distinct().ToList();

    public AddDesigner.Command ToAddCommand() =>
        new(StoreId!.Value, Name!.Trim(), Level!.Value, ChargesDesignFee ?? false, TidyStyles() ?? [], Notes?.Trim());

    public EditDesigner.Command ToEditCommand(Guid id) => new(id, Name?.Trim(), Level, ChargesDesignFee, TidyStyles(), Notes?.Trim());
}

public sealed record DesignerResponse(
    Guid Id, Guid StoreId, string Name, DesignerLevel Level, bool ChargesDesignFee, IReadOnlyList<string> Styles, string? Notes,
    DesignerStatus Status, DateOnly? SuspendedUntil, DateTimeOffset? RemovalFlaggedAt, DateTimeOffset? LastDispatchedAt, bool OnDutyToday)
{
    public static DesignerResponse From(DesignerOnDay d) => From(d.Designer, d.Today, d.OnDutyToday);

    public static DesignerResponse From(Designer d, DateOnly today, bool onDutyToday) =>
        new(d.Id, d.StoreId, d.Name, d.Level, d.ChargesDesignFee, d.Styles, d.Notes, d.StatusOn(today),
            d.StatusOn(today) == DesignerStatus.Suspended ? d.SuspendedUntil : null, d.RemovalFlaggedAt, d.LastDispatchedAt, onDutyToday);
}

/// <summary>A status move says why; a suspension also names its last day.</summary>
public sealed record StatusRequest(string? Reason, DateOnly? Until)
{
    public FieldErrors Check(ChangeDesignerStatus.Move move)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", "Say why: the designer's history keeps the reason.");
        else if (Reason.Length > TextLimits.Reason) errors.Add("reason", $"At most {TextLimits.Reason} characters.");
        if (move == ChangeDesignerStatus.Move.Suspend && Until is null) errors.Add("until", "The last day of the suspension (yyyy-MM-dd).");
        if (move != ChangeDesignerStatus.Move.Suspend && Until is not null) errors.Add("until", "Only a suspension has a last day.");
        return errors;
    }

    public ChangeDesignerStatus.Command ToCommand(Guid designerId, ChangeDesignerStatus.Move move) => new(designerId, move, Reason!.Trim(), Until);
}

public sealed record DutyRequest(DateOnly? Date, bool? OnDuty)
{
    public FieldErrors Check()
    {
        var errors = new FieldErrors();
        if (Date is null) errors.Add("date", "The day of the morning meeting (yyyy-MM-dd).");
        if (OnDuty is null) errors.Add("onDuty", "Whether the designer is on duty that day.");
        return errors;
    }
}

public sealed record DutyResponse(Guid DesignerId, DateOnly Date, bool OnDuty, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static DutyResponse From(DesignerDuty d) => new(d.DesignerId, d.Day, d.OnDuty, d.RecordedBy, d.RecordedAt);
}

public sealed record HeldCustomer(Guid CustomerId, string CustomerNo, DateTimeOffset? DepositPaidAt, DateTimeOffset? ProposalAt, bool OffPlan);

public sealed record HoldingsResponse(
    Guid DesignerId, int HoldingCap, IReadOnlyList<HeldCustomer> Holdings, int StalledProposalCount, int StalledProposalDays,
    IReadOnlyList<HeldCustomer> StalledProposals, IReadOnlyList<HeldCustomer> OffPlanProposals);

public sealed record HistoryResponse(string Action, string Details, string? Reason, string By, DateTimeOffset At);
