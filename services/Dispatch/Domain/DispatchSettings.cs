namespace Crm.Dispatch.Domain;

/// <summary>
/// A store's dispatch settings: every number of domain.md §2, with the handbook's defaults. The rules
/// read them from here, never from literals.
/// </summary>
public sealed class DispatchSettings
{
    public Guid StoreId { get; private set; }
    /// <summary>Whether a customer is dispatched by the rules as soon as they are registered.</summary>
    public bool AutoDispatch { get; private set; } = true;
    /// <summary>A designer holding this many deposit-paid, unsigned, not lost customers gets no more.</summary>
    public int HoldingCap { get; private set; } = 3;
    /// <summary>A designer with this many stalled proposals gets no new customers.</summary>
    public int StalledProposalCount { get; private set; } = 3;
    /// <summary>Days after drawings or a quote without signing or loss that make a proposal stalled.</summary>
    public int StalledProposalDays { get; private set; } = 30;
    /// <summary>Days a refusal suspends the designer for.</summary>
    public int RefusalSuspensionDays { get; private set; } = 30;
    /// <summary>Refusals within <see cref="RemovalWindowDays"/> that flag the designer for removal.</summary>
    public int RemovalRefusals { get; private set; } = 3;
    public int RemovalWindowDays { get; private set; } = 180;
    /// <summary>A budget (yuan) from which an order is big.</summary>
    public decimal BigOrderBudget { get; private set; } = 300_000m;
    /// <summary>A house area (m²) from which an order is big.</summary>
    public decimal BigOrderArea { get; private set; } = 150m;
    /// <summary>The level from which a designer takes big orders first (3 = Senior).</summary>
    public int BigOrderMinLevel { get; private set; } = 3;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static DispatchSettings Defaults(Guid storeId) => new() { StoreId = storeId };

    public void Change(DispatchSettingsValues values, string by, DateTimeOffset now)
    {
        (AutoDispatch, HoldingCap, StalledProposalCount, StalledProposalDays, RefusalSuspensionDays, RemovalRefusals, RemovalWindowDays,
            BigOrderBudget, BigOrderArea, BigOrderMinLevel) = values;
        UpdatedAt = now;
        UpdatedBy = by;
    }

    public DispatchSettingsValues Values => new(AutoDispatch, HoldingCap, StalledProposalCount, StalledProposalDays, RefusalSuspensionDays,
        RemovalRefusals, RemovalWindowDays, BigOrderBudget, BigOrderArea, BigOrderMinLevel);

    public bool IsBigOrder(decimal? budget, decimal? areaM2) => budget >= BigOrderBudget || areaM2 >= BigOrderArea;
}

/// <summary>The settings' values, as a whole: what the API reads and writes.</summary>
public sealed record DispatchSettingsValues(
    bool AutoDispatch, int HoldingCap, int StalledProposalCount, int StalledProposalDays, int RefusalSuspensionDays,
    int RemovalRefusals, int RemovalWindowDays, decimal BigOrderBudget, decimal BigOrderArea, int BigOrderMinLevel)
{
    public void Check(FieldErrors errors)
    {
        Range(HoldingCap, "holdingCap", 1, 10_000, errors);
        Range(StalledProposalCount, "stalledProposalCount", 1, 10_000, errors);
        Range(StalledProposalDays, "stalledProposalDays", 1, 3650, errors);
        Range(RefusalSuspensionDays, "refusalSuspensionDays", 0, 3650, errors);
        Range(RemovalRefusals, "removalRefusals", 1, 1000, errors);
        Range(RemovalWindowDays, "removalWindowDays", 1, 3650, errors);
        Range(BigOrderMinLevel, "bigOrderMinLevel", 1, 4, errors);
        if (BigOrderBudget is <= 0 or > 100_000_000m) errors.Add("bigOrderBudget", "A budget in yuan, more than 0.");
        if (BigOrderArea is <= 0 or > 100_000m) errors.Add("bigOrderArea", "An area in m², more than 0.");
    }

    private static void Range(int value, string field, int min, int max, FieldErrors errors)
    {
        if (value < min || value > max) errors.Add(field, $"From {min} to {max}.");
    }
}
