namespace Crm.Messages;

/// <summary>A customer was offered to a designer.</summary>
public sealed record CustomerDispatched
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required DateTimeOffset DispatchedAt { get; init; }
}
