namespace Crm.Dispatch.Domain;

public enum AssignmentStatus
{
    Offered,
    Accepted,
    Refused,
    Reassigned,
}
