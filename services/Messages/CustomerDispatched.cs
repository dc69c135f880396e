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
    /// <summary>Automatic, Requested (the rules chose on a person's request) or Manual.</summary>
    public string Kind { get; init; } = "Automatic";
    /// <summary>The rule of domain.md §2 that decided (RequestedDesigner, BigOrder, Fit, Rotation, Manual).</summary>
    public string DecidingRule { get; init; } = "Rotation";
    public bool Override { get; init; }
    /// <summary>The trace's decision in words.</summary>
    public string Decision { get; init; } = "";
}
