namespace Crm.Customers.Domain;

/// <summary>A milestone about to be recorded, with exactly the figures its type carries (domain.md §1).</summary>
public sealed record MilestoneDraft(
    MilestoneType Type, DateTimeOffset At, decimal? Amount = null, DepositKind? DepositKind = null,
    decimal? AreaM2 = null, string? Reason = null, string? Competitor = null)
{
    public const decimal MaxAmount = 100_000_000m;
    public const int MaxReasonLength = TextLimits.Reason;

    /// <summary>Which figure each type needs; a figure another type carries is refused rather than ignored.</summary>
    public void Check(FieldErrors errors)
    {
        var needsAmount = Type is MilestoneType.DepositPaid or MilestoneType.DesignFeePaid or MilestoneType.Quoted or MilestoneType.ContractSigned;
        var needsReason = Type is MilestoneType.Lost or MilestoneType.Invalidated or MilestoneType.Reopened;

        if (needsAmount && Amount is null) errors.Add("amount", $"{Type} needs the amount in yuan.");
        if (!needsAmount && Amount is not null) errors.Add("amount", $"{Type} has no amount.");
        BasicInfoRules.Money(Amount, "amount", MaxAmount, errors);

        if (Type == MilestoneType.DepositPaid && DepositKind is null) errors.Add("depositKind", "A deposit is either Measurement or Promotion.");
        if (Type != MilestoneType.DepositPaid && DepositKind is not null) errors.Add("depositKind", "Only a deposit has a kind.");

        if (Type == MilestoneType.ContractSigned && AreaM2 is null) errors.Add("areaM2", "A signed contract needs the area in m².");
        if (Type != MilestoneType.ContractSigned && AreaM2 is not null) errors.Add("areaM2", "Only a signed contract has an area.");
        if (AreaM2 is <= 0 or > BasicInfoRules.MaxAreaM2 || (AreaM2 is { } area && decimal.Round(area, 2) != area))
            errors.Add("areaM2", $"The area is more than 0 and at most {BasicInfoRules.MaxAreaM2:0} m², with at most 2 decimals.");

        if (needsReason && string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", $"{Type} needs a reason.");
        BasicInfoRules.Text(Reason, "reason", MaxReasonLength, errors);

        if (Type != MilestoneType.Lost && Competitor is not null) errors.Add("competitor", "Only a lost customer has a competitor.");
        BasicInfoRules.Text(Competitor, "competitor", BasicInfoRules.MaxNameLength, errors);
    }
}
