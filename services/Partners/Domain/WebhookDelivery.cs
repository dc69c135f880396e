namespace Crm.Partners.Domain;

public enum DeliveryState
{
    Pending,
    Delivered,
    /// <summary>Every attempt of the schedule failed; the chain administrator may send it again.</summary>
    Exhausted,
}

/// <summary>
/// One webhook to a partner: the body signed at each attempt, the attempts made, and when the next is due. Stored
/// with the change that causes it and sent later by <c>WebhookSender</c>, so that no request waits for a partner.
/// </summary>
public sealed class WebhookDelivery
{
    public const string LeadStatusChanged = "lead.status-changed";
    public const int MaxErrorLength = 500;

    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public Guid LeadId { get; private set; }
    public string Event { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryState State { get; private set; }
    /// <summary>Attempts in the current round (a replay starts a new round); every attempt is logged in DeliveryAttempts.</summary>
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? ReplayedAt { get; private set; }
    public string? ReplayedBy { get; private set; }

    public static WebhookDelivery For(Guid id, Guid partnerId, Guid leadId, string body, DateTimeOffset now) => new()
    {
        Id = id, PartnerId = partnerId, LeadId = leadId, Event = LeadStatusChanged, Body = body,
        CreatedAt = now, State = DeliveryState.Pending, NextAttemptAt = now,
    };

    public void Succeeded(DateTimeOffset now)
    {
        Attempts++;
        (State, DeliveredAt, LastError) = (DeliveryState.Delivered, now, null);
    }

    public void Failed(string error, DateTimeOffset now, RetrySchedule schedule)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (schedule.WaitAfter(Attempts) is { } wait) NextAttemptAt = now + wait;
        else State = DeliveryState.Exhausted;
    }

    /// <summary>Sends an exhausted delivery again, from the start of the schedule.</summary>
    public bool Replay(string by, DateTimeOffset now)
    {
        if (State != DeliveryState.Exhausted) return false;
        (State, Attempts, NextAttemptAt, ReplayedAt, ReplayedBy) = (DeliveryState.Pending, 0, now, now, by);
        return true;
    }
}

/// <summary>One try of a delivery: when, how long it took, and what the partner answered (or what went wrong).</summary>
public sealed class DeliveryAttempt
{
    public Guid Id { get; private set; }
    public Guid DeliveryId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int DurationMs { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }

    public static DeliveryAttempt Record(Guid deliveryId, DateTimeOffset at, TimeSpan duration, int? statusCode, string? error) => new()
    {
        Id = Guid.CreateVersion7(), DeliveryId = deliveryId, At = at, DurationMs = (int)Math.Min(int.MaxValue, duration.TotalMilliseconds),
        StatusCode = statusCode, Error = error is { Length: > WebhookDelivery.MaxErrorLength } ? error[..WebhookDelivery.MaxErrorLength] : error,
    };
}
