namespace Crm.Dispatch.Domain;

public enum DesignerLevel
{
    Assistant = 1,
    Designer = 2,
    Senior = 3,
    Chief = 4,
}
