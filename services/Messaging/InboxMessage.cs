namespace Crm.Messaging;

/// <summary>A message a consumer has already applied; its key makes redelivery harmless.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
