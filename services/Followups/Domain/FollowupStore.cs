namespace Crm.Followups.Domain;

/// <summary>The follow-up service's copy of a store, with its follow-up settings (domain.md §4).</summary>
public sealed class FollowupStore : StoreCopy
{
    /// <summary>Days after registration that the first follow-up is due.</summary>
    public int FirstFollowUpDays { get; private set; } = 2;
}
