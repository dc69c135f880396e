namespace Crm.Messages;

/// <summary>A designer accepted the customer dispatched to them.</summary>
public sealed record AssignmentAccepted : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required DateTimeOffset AcceptedAt { get; init; }
}
