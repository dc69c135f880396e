namespace Crm.Messages;

/// <summary>A customer problem was answered by the designer (or the store). Published by the follow-up service.</summary>
public sealed record CustomerProblemResolved : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid ProblemId { get; init; }
    public required string Resolution { get; init; }
    public required string ResolvedBy { get; init; }
    public required DateTimeOffset ResolvedAt { get; init; }
}
