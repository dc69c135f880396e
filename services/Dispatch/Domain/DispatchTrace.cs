namespace Crm.Dispatch.Domain;

/// <summary>
/// Why a customer went to a designer, kept with the assignment: every designer of the store, eligible or
/// not, the rule that excluded or placed each, the rule that decided, who asked and how. It reads as words.
/// </summary>
public sealed record DispatchTrace(
    DispatchKind Kind,
    string RequestedBy,
    DateTimeOffset At,
    bool BigOrder,
    Guid? ChosenDesignerId,
    DispatchRule? DecidingRule,
    string Decision,
    bool Override,
    string? OverrideReason,
    IReadOnlyList<DesignerTrace> Designers);

/// <summary>One designer in a trace: eligible or the rule that excluded them, their place in the ranking, and why, in words.</summary>
public sealed record DesignerTrace(
    Guid DesignerId,
    string Name,
    DesignerLevel Level,
    bool ChargesDesignFee,
    bool Eligible,
    DispatchRule? ExcludedBy,
    int? Rank,
    int Holdings,
    int StalledProposals,
    DateTimeOffset? LastDispatchedAt,
    string Explanation);
