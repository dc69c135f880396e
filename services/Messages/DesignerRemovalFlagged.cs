namespace Crm.Messages;

/// <summary>A designer's refusals reached the store's limit: the store manager decides on removal (除名).</summary>
public sealed record DesignerRemovalFlagged : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required int Refusals { get; init; }
    public required int WindowDays { get; init; }
    public required DateTimeOffset At { get; init; }
}
