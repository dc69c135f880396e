namespace Crm.Messages;

/// <summary>A designer refused the customer dispatched to them (拒单); the customer is dispatched again.</summary>
public sealed record AssignmentRefused : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RefusedAt { get; init; }
}
