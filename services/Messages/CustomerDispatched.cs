namespace Crm.Messages;

/// <summary>A customer was offered to a designer.</summary>
public sealed record CustomerDispatched : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid AssignmentId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required DateTimeOffset DispatchedAt { get; init; }
    public DispatchKind Kind { get; init; } = DispatchKind.Automatic;
    /// <summary>The rule of domain.md §2 that decided.</summary>
    public DispatchRule DecidingRule { get; init; } = DispatchRule.Rotation;
    public bool Override { get; init; }
    /// <summary>The trace's decision in words.</summary>
    public string Decision { get; init; } = "";
}
