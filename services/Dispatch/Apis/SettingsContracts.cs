namespace Crm.Dispatch.Apis;

public sealed record SettingsRequest(
    bool? AutoDispatch, int? HoldingCap, int? StalledProposalCount, int? StalledProposalDays, int? RefusalSuspensionDays,
    int? RemovalRefusals, int? RemovalWindowDays, decimal? BigOrderBudget, decimal? BigOrderArea, int? BigOrderMinLevel,
    Guid? StoreId = null, DateTimeOffset? UpdatedAt = null, string? UpdatedBy = null)
{
    /// <summary>
    /// What GET answered may be sent back unchanged: the read-only fields are accepted when they match the
    /// settings as they are, and refused when they would change them.
    /// </summary>
    public void CheckReadOnly(Guid storeId, SettingsResponse current, FieldErrors errors)
    {
        const string readOnly = "Read-only: send it back as it was read, or leave it out.";
        if (StoreId is { } store && store != storeId) errors.Add("storeId", readOnly + " The store is the one in the path.");
        if (UpdatedAt is { } at && at != current.UpdatedAt) errors.Add("updatedAt", readOnly);
        if (UpdatedBy is { } by && by != current.UpdatedBy) errors.Add("updatedBy", readOnly);
    }

    /// <summary>The settings with each given value replacing the current one.</summary>
    public DispatchSettingsValues Over(DispatchSettingsValues current) => new(
        AutoDispatch ?? current.AutoDispatch, HoldingCap ?? current.HoldingCap, StalledProposalCount ?? current.StalledProposalCount,
        StalledProposalDays ?? current.StalledProposalDays, RefusalSuspensionDays ?? current.RefusalSuspensionDays,
        RemovalRefusals ?? current.RemovalRefusals, RemovalWindowDays ?? current.RemovalWindowDays, BigOrderBudget ?? current.BigOrderBudget,
        BigOrderArea ?? current.BigOrderArea, BigOrderMinLevel ?? current.BigOrderMinLevel);
}

/// <summary>The settings under the same names as the request, so that what is read can be written back.</summary>
public sealed record SettingsResponse(
    Guid StoreId, bool AutoDispatch, int HoldingCap, int StalledProposalCount, int StalledProposalDays, int RefusalSuspensionDays,
    int RemovalRefusals, int RemovalWindowDays, decimal BigOrderBudget, decimal BigOrderArea, int BigOrderMinLevel,
    DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static SettingsResponse From(DispatchSettings s) =>
        new(s.StoreId, s.AutoDispatch, s.HoldingCap, s.StalledProposalCount, s.StalledProposalDays, s.RefusalSuspensionDays,
            s.RemovalRefusals, s.RemovalWindowDays, s.BigOrderBudget, s.BigOrderArea, s.BigOrderMinLevel,
            s.UpdatedBy == "" ? null : s.UpdatedAt, s.UpdatedBy == "" ? null : s.UpdatedBy);
}
