namespace Crm.Messaging;

public sealed record OutboxState(long Pending, long Archived, long Parked, DateTimeOffset? OldestPendingAt, IReadOnlyList<ParkedEvent> ParkedEvents);

/// <summary>A parked event; <see cref="Shard"/> names the database shard whose outbox holds it ("home" with one database).</summary>
public sealed record ParkedEvent(long Sequence, Guid MessageId, string MessageType, DateTimeOffset CreatedAt, DateTimeOffset? ParkedAt, int FailedAttempts, string? Error, string Shard);

/// <summary>What an operator sees of a service's outbox, and the one thing they may do to it: re-queue a parked event.</summary>
public interface IOutboxAdministration
{
    /// <summary>The outboxes of every shard, added up.</summary>
    Task<OutboxState> StateAsync(CancellationToken cancellationToken);

    /// <summary>The event back in the relay's queue; null when there is no such event, false when it is not parked.</summary>
    Task<(ParkedEvent? Event, bool Requeued)> RequeueAsync(long sequence, string shard, CancellationToken cancellationToken);
}

public sealed class OutboxAdministration<TDbContext>(TDbContext db, ShardRoute route, OutboxSignal signal) : IOutboxAdministration
    where TDbContext : DbContext, IMessagingDbContext
{
    private const int ParkedShown = 100;

    public async Task<OutboxState> StateAsync(CancellationToken cancellationToken)
    {
        long pendingCount = 0, archived = 0, parkedCount = 0;
        DateTimeOffset? oldest = null;
        var parkedEvents = new List<ParkedEvent>();
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            var rows = db.OutboxMessages.AsNoTracking();
            var pending = rows.Where(m => m.SentAt == null && m.ParkedAt == null);
            parkedEvents.AddRange(await rows.Where(m => m.ParkedAt != null).OrderBy(m => m.Sequence).Take(ParkedShown)
                .Select(m => new ParkedEvent(m.Sequence, m.MessageId, m.MessageType, m.CreatedAt, m.ParkedAt, m.FailedAttempts, m.LastError, shard))
                .ToListAsync(cancellationToken));
            pendingCount += await pending.LongCountAsync(cancellationToken);
            archived += await rows.LongCountAsync(m => m.SentAt != null, cancellationToken);
            parkedCount += await rows.LongCountAsync(m => m.ParkedAt != null, cancellationToken);
            var oldestHere = await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
            if (oldestHere < oldest || oldest is null) oldest = oldestHere;
        }
        return new OutboxState(pendingCount, archived, parkedCount, oldest, [.. parkedEvents.OrderBy(e => e.ParkedAt).Take(ParkedShown)]);
    }

    public async Task<(ParkedEvent? Event, bool Requeued)> RequeueAsync(long sequence, string shard, CancellationToken cancellationToken)
    {
        if (!route.Shards.Has(shard)) return (null, false);
        route.Use(db, shard);
        var row = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Sequence == sequence, cancellationToken);
        if (row is null) return (null, false);
        var parkedAt = row.ParkedAt;
        var requeued = row.Requeue();
        if (requeued)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify(shard);
        }
        return (new ParkedEvent(row.Sequence, row.MessageId, row.MessageType, row.CreatedAt, parkedAt, row.FailedAttempts, row.LastError, shard), requeued);
    }
}

public static class OutboxAdministration
{
    /// <summary>How a parked event of a further shard is named to the operator: "?shard=east" after its sequence.</summary>
    public static string ShardQuery(string shard) => shard == DatabaseShards.Home ? "" : $"?shard={shard}";
}
