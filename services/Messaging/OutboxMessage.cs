using System.Text.Json;

namespace Crm.Messaging;

/// <summary>
/// An event waiting to be published. It is written in the same transaction as the state change
/// that caused it, so an event exists exactly when its change was committed.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>W3C traceparent of the request that wrote the event, so its trace continues.</summary>
    public string? TraceParent { get; private set; }
    public int FailedAttempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage For<T>(T message, DateTimeOffset now) where T : class => new()
    {
        MessageId = NewId.NextGuid(),
        MessageType = typeof(T).FullName!,
        Body = JsonSerializer.Serialize(message, MessageJson.Options),
        CreatedAt = now,
        TraceParent = Activity.Current?.Id,
    };

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    public void MarkFailed(string error)
    {
        FailedAttempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}
