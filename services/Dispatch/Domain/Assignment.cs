namespace Crm.Dispatch.Domain;

/// <summary>A customer handed to a designer (派单), with the rule that decided it and who asked.</summary>
public sealed class Assignment
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DesignerId { get; private set; }
    public AssignmentStatus Status { get; private set; }
    public string DecidingRule { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public static Assignment Offer(Guid storeId, Guid customerId, Designer designer, string decidingRule, string requestedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = storeId,
        CustomerId = customerId,
        DesignerId = designer.Id,
        Status = AssignmentStatus.Offered,
        DecidingRule = decidingRule,
        RequestedBy = requestedBy,
        CreatedAt = now,
    };
}
