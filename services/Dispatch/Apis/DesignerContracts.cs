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

    public List<string> TidyStyles(IEnumerable<string> current) => (Styles ?? current).Select(s => s.Trim()).Distinct().ToList();
}

public sealed record DesignerResponse(
    Guid Id, Guid StoreId, string Name, DesignerLevel Level, bool ChargesDesignFee, IReadOnlyList<string> Styles, string? Notes,
    DesignerStatus Status, DateOnly? SuspendedUntil, DateTimeOffset? RemovalFlaggedAt, DateTimeOffset? LastDispatchedAt, bool OnDutyToday)
{
    public static DesignerResponse From(Designer d, DateOnly today, bool onDutyToday) =>
        new(d.Id, d.StoreId, d.Name, d.Level, d.ChargesDesignFee, d.Styles, d.Notes, d.StatusOn(today),
            d.StatusOn(today) == DesignerStatus.Suspended ? d.SuspendedUntil : null, d.RemovalFlaggedAt, d.LastDispatchedAt, onDutyToday);
}

public sealed record StatusRequest(string? Reason, DateOnly? Until);

public sealed record DutyRequest(DateOnly? Date, bool? OnDuty);

public sealed record DutyResponse(Guid DesignerId, DateOnly Date, bool OnDuty, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record HeldCustomer(Guid CustomerId, string CustomerNo, DateTimeOffset? DepositPaidAt, DateTimeOffset? ProposalAt, bool OffPlan);

public sealed record HoldingsResponse(
    Guid DesignerId, int HoldingCap, IReadOnlyList<HeldCustomer> Holdings, int StalledProposalCount, int StalledProposalDays,
    IReadOnlyList<HeldCustomer> StalledProposals, IReadOnlyList<HeldCustomer> OffPlanProposals);

public sealed record HistoryResponse(string Action, string Details, string? Reason, string By, DateTimeOffset At);
