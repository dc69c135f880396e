namespace Crm.Messaging;

public sealed record OutboxState(long Pending, long Archived, long Parked, DateTimeOffset? OldestPendingAt, IReadOnlyList<ParkedEvent> ParkedEvents);

public sealed record ParkedEvent(long Sequence, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, DateTimeOffset? ParkedAt, int FailedAttempts, string? Error);

/// <summary>What an operator sees of a service's outbox, and the one thing they may do to it: re-queue a parked event.</summary>
public interface IOutboxAdministration
{
    Task<OutboxState> StateAsync(CancellationToken cancellationToken);

    /// <summary>The event back in the relay's queue; null when there is no such event, false when it is not parked.</summary>
    Task<(ParkedEvent? Event, bool Requeued)> RequeueAsync(long sequence, CancellationToken cancellationToken);
}

public sealed class OutboxAdministration<TDbContext>(TDbContext db, OutboxSignal signal) : IOutboxAdministration
    where TDbContext : DbContext, IMessagingDbContext
{
    public async Task<OutboxState> StateAsync(CancellationToken cancellationToken)
    {
        var rows = db.OutboxMessages.AsNoTracking();
        var pending = rows.Where(m => m.SentAt == null && m.ParkedAt == null);
        var parked = await rows.Where(m => m.ParkedAt != null).OrderBy(m => m.Sequence).Take(100)
            .Select(m => new ParkedEvent(m.Sequence, m.MessageId, m.MessageType, m.CreatedAt, m.ParkedAt, m.FailedAttempts, m.LastError))
            .ToListAsync(cancellationToken);
        return new OutboxState(
            await pending.LongCountAsync(cancellationToken),
            await rows.LongCountAsync(m => m.SentAt != null, cancellationToken),
            await rows.LongCountAsync(m => m.ParkedAt != null, cancellationToken),
            await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken),
            parked);
    }

    public async Task<(ParkedEvent? Event, bool Requeued)> RequeueAsync(long sequence, CancellationToken cancellationToken)
    {
        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Sequence == sequence, cancellationToken);
        if (row is null) return (null, false);
        var parkedAt = row.ParkedAt;
        var requeued = row.Requeue();
        if (requeued)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }
        return (new ParkedEvent(row.Sequence, row.MessageId, row.MessageType, row.CreatedAt, parkedAt, row.FailedAttempts, row.LastError), requeued);
    }
}
