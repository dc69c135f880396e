namespace Crm.Messages;

/// <summary>
/// A designer's refusals reached the store's limit: the store manager decides on removal (除名).
/// Published by dispatch. No service consumes it yet: it is for the reports service and the store console
/// (the store manager's approvals waiting), which will subscribe and replay the archive.
/// </summary>
public sealed record DesignerRemovalFlagged : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required int Refusals { get; init; }
    public required int WindowDays { get; init; }
    public required DateTimeOffset At { get; init; }
}
