using System.Text.Json;

namespace Crm.Messaging;

/// <summary>
/// An event of the service. It is written in the same transaction as the state change that caused it,
/// so an event exists exactly when its change was committed. Pending until the broker confirmed it;
/// then it is part of the service's event archive, kept for replay until its retention ends. A row that
/// cannot be published is parked with its error, and waits for an operator instead of blocking the rows
/// after it.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxErrorLength = 2000;

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
    /// <summary>When the row was set aside as unpublishable; null while it is pending or sent.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public static OutboxMessage For<T>(T message, DateTimeOffset now) where T : class => new()
    {
        MessageId = NewId.NextGuid(),
        MessageType = typeof(T).FullName!,
        Body = JsonSerializer.Serialize(message, MessageJson.Options),
        CreatedAt = now,
        TraceParent = Activity.Current?.Id,
    };

    public void MarkSent(DateTimeOffset now) => SentAt = now;

    /// <summary>Sets the row aside: the relay skips it until an operator re-queues it.</summary>
    public void Park(string error, DateTimeOffset now)
    {
        FailedAttempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        ParkedAt = now;
    }

    /// <summary>An operator sends a parked row back to the relay (after deploying the fix that lets it publish).</summary>
    public bool Requeue()
    {
        if (ParkedAt is null) return false;
        ParkedAt = null;
        return true;
    }
}
