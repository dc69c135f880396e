namespace Crm.Messages;

/// <summary>
/// A designer gets no dispatches through the given store-local day (停单): after a refusal, or by the store manager.
/// Published by dispatch. No service consumes it yet: it is for the reports service (the morning meeting's
/// attendance and roster) and the store console, which will subscribe and replay the archive.
/// </summary>
public sealed record DesignerSuspended : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string DesignerName { get; init; }
    public required DateOnly Until { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset At { get; init; }
}
