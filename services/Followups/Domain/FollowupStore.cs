namespace Crm.Followups.Domain;

/// <summary>The follow-up service's copy of a store, with its follow-up settings (domain.md §4).</summary>
public sealed class FollowupStore : StoreCopy
{
    /// <summary>Days after registration that the first follow-up is due.</summary>
    public int FirstFollowUpDays { get; private set; } = 2;

    /// <summary>Days after construction starts that the site follow-up is due.</summary>
    public int SiteFollowUpDays { get; private set; } = 7;

    /// <summary>Days after completion that the satisfaction follow-up is due.</summary>
    public int SatisfactionFollowUpDays { get; private set; } = 7;

    /// <summary>Days a designer has to answer a customer problem when the store does not name a due day: by the next morning meeting.</summary>
    public int ProblemAnswerDays { get; private set; } = 1;
}
