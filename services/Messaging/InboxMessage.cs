namespace Crm.Messaging;

/// <summary>A message a consumer has already applied; its key makes redelivery harmless.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
    /// <summary>The instance that applied it (<see cref="ServiceInstance.Name"/>): how the work split between replicas.</summary>
    public string? HandledBy { get; init; }
}
