namespace Crm.Followups.Domain;

public enum FollowUpTaskKind
{
    FirstFollowUp,
    /// <summary>The customer's designer refused them: the customer hears it from the store, with the new designer, the same day.</summary>
    AfterRefusal,
}
