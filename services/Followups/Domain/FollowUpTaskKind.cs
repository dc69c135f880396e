namespace Crm.Followups.Domain;

public enum FollowUpTaskKind
{
    FirstFollowUp,
}
