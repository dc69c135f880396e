namespace Crm.Dispatch.Domain;

/// <summary>One change of a designer's roster entry or status: what, who, when and why.</summary>
public sealed class DesignerHistory
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid DesignerId { get; private set; }
    public string Action { get; private set; } = "";
    public string Details { get; private set; } = "";
    public string? Reason { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static DesignerHistory Record(Designer designer, string action, string details, string? reason, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = designer.StoreId,
        DesignerId = designer.Id,
        Action = action,
        Details = details,
        Reason = reason,
        By = by,
        At = at,
    };
}
