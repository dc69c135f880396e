namespace Crm.Dispatch.Domain;

/// <summary>
/// A customer handed to a designer (派单), with the trace that explains it. Its life (§2): Offered, then
/// Accepted, Refused (with a reason) or Reassigned (with a reason).
/// </summary>
public sealed class Assignment
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DesignerId { get; private set; }
    public string DesignerName { get; private set; } = "";
    public AssignmentStatus Status { get; private set; }
    public DispatchKind Kind { get; private set; }
    public DispatchRule DecidingRule { get; private set; }
    public bool IsOverride { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The store-local day of the dispatch, for the day's list.</summary>
    public DateOnly CreatedOn { get; private set; }
    public DispatchTrace Trace { get; private set; } = null!;
    /// <summary>Why it was refused or reassigned.</summary>
    public string? EndReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    public static Assignment Offer(Guid customerId, Designer designer, DispatchTrace trace, DateOnly day) => new()
    {
        CreatedOn = day,
        Id = Guid.CreateVersion7(),
        StoreId = designer.StoreId,
        CustomerId = customerId,
        DesignerId = designer.Id,
        DesignerName = designer.Name,
        Status = AssignmentStatus.Offered,
        Kind = trace.Kind,
        DecidingRule = trace.DecidingRule ?? DispatchRule.Manual,
        IsOverride = trace.Override,
        RequestedBy = trace.RequestedBy,
        CreatedAt = trace.At,
        Trace = trace,
    };

    /// <summary>Why the move is not allowed now, or null when it is: an offer is accepted or refused; an offered or accepted assignment is reassigned.</summary>
    public Violation? Refusal(AssignmentStatus to) => (Status, to) switch
    {
        (AssignmentStatus.Offered, AssignmentStatus.Accepted or AssignmentStatus.Refused) => null,
        (AssignmentStatus.Offered or AssignmentStatus.Accepted, AssignmentStatus.Reassigned) => null,
        _ => Violation.Transition($"The assignment is {Status}; it cannot be {to.ToString().ToLowerInvariant()}."),
    };

    /// <summary>Moves the assignment if its life allows it; otherwise leaves it and says why.</summary>
    public Violation? Move(AssignmentStatus to, string? reason, string by, DateTimeOffset at)
    {
        if (Refusal(to) is { } refusal) return refusal;
        (Status, EndReason, DecidedBy, DecidedAt) = (to, reason, by, at);
        return null;
    }
}
