namespace Crm.Messages;

/// <summary>
/// A follow-up task was made, completed, closed by itself or given to another staff member: the task as it stands
/// after the change. Published by the follow-up service; for the morning meeting's follow-ups due and overdue per
/// customer manager (reports).
/// </summary>
public sealed record FollowUpTaskChanged : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid TaskId { get; init; }
    /// <summary>The kind, by the follow-up service's name for it (<c>FirstFollowUp</c>, <c>KeyAttention</c>, …).</summary>
    public required string Kind { get; init; }
    public required DateOnly DueOn { get; init; }
    public Guid? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it was completed by a record or closed by itself; none while open.</summary>
    public DateTimeOffset? EndedAt { get; init; }
    /// <summary>When this change happened.</summary>
    public required DateTimeOffset At { get; init; }
}
