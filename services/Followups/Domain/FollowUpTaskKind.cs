namespace Crm.Followups.Domain;

/// <summary>Why a follow-up task exists (domain.md §4).</summary>
public enum FollowUpTaskKind
{
    /// <summary>Days after registration (firstFollowUpDays).</summary>
    FirstFollowUp,
    /// <summary>The customer's designer refused them: the customer hears it from the store, with the new designer, the same day.</summary>
    AfterRefusal,
    /// <summary>The next date a follow-up record set.</summary>
    NextFollowUp,
    /// <summary>重点关注: stale, with a deposit, design fee or quote — talk with the designer and the consultant, find the real reason.</summary>
    KeyAttention,
    /// <summary>重点回访: a measured lead allocated more than three months ago and unsigned — call them first.</summary>
    KeyFollowUp,
    /// <summary>A visit to the site after construction starts.</summary>
    SiteFollowUp,
    /// <summary>The customer's satisfaction after completion.</summary>
    SatisfactionFollowUp,
}
