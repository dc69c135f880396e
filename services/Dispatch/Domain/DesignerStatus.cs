namespace Crm.Dispatch.Domain;

public enum DesignerStatus
{
    Active,
    Suspended,
    Removed,
}
