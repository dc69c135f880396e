using Microsoft.Extensions.Options;

namespace Crm.Messaging;

/// <summary>
/// Keeps the outbox and inbox tables from growing for ever: sent rows leave the event archive after
/// "Messaging:Outbox:RetainDays", inbox rows after "Messaging:Inbox:RetainDays". Pending and parked rows
/// are never deleted, nor the service's own replay request, which marks that it has started before. Deletes go in small batches, so no cleanup holds long locks.
/// </summary>
public sealed class MessagingRetention<TDbContext>(
    IServiceScopeFactory scopes,
    DatabaseShards shards,
    IOptions<OutboxOptions> outbox,
    IOptions<InboxOptions> inbox,
    IOptions<RetentionOptions> retention,
    TimeProvider clock,
    ILogger<MessagingRetention<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IMessagingDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(retention.Value.Interval, clock);
        do
        {
            try
            {
                var (archive, applied) = await CleanAsync(stoppingToken);
                if (archive + applied > 0) logger.LogInformation("Retention deleted {Archive} archived events and {Inbox} inbox rows", archive, applied);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Retention of the outbox and inbox failed; it runs again in {Interval}", retention.Value.Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>
    /// Deletes what is past its retention now, on every shard; answers how many archive and inbox rows went. With several
    /// instances of the service, one cleans at a time (a PostgreSQL advisory lock, named after the service's
    /// database): the next finds only what expired since.
    /// </summary>
    public async Task<(long Archive, long Inbox)> CleanAsync(CancellationToken cancellationToken)
    {
        long archive = 0, inbox = 0;
        foreach (var shard in shards.Names)
        {
            var (archiveHere, inboxHere) = await CleanAsync(shard, cancellationToken);
            (archive, inbox) = (archive + archiveHere, inbox + inboxHere);
        }
        return (archive, inbox);
    }

    private async Task<(long Archive, long Inbox)> CleanAsync(string shard, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        scope.ServiceProvider.GetRequiredService<ShardRoute>().Use(db, shard);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var lockName = "messaging-retention:" + typeof(TDbContext).FullName;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({lockName}, 0))", cancellationToken);
            try
            {
                return await DeleteExpiredAsync(db, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({lockName}, 0))", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<(long Archive, long Inbox)> DeleteExpiredAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var archiveCutoff = now.AddDays(-outbox.Value.RetainDays);
        var inboxCutoff = now.AddDays(-inbox.Value.RetainDays);
        var batch = retention.Value.BatchSize;
        long archive = 0, applied = 0, deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "OutboxMessages" WHERE "Sequence" IN (
                  SELECT "Sequence" FROM "OutboxMessages" WHERE "SentAt" IS NOT NULL AND "SentAt" < {archiveCutoff}
                    AND "MessageType" <> {MessagingModel.ReplayRequestType} LIMIT {batch})
                """, cancellationToken);
            archive += deleted;
        }
        while (deleted == batch);
        do
        {
            deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "InboxMessages" WHERE ("MessageId", "Consumer") IN (
                  SELECT "MessageId", "Consumer" FROM "InboxMessages" WHERE "ProcessedAt" < {inboxCutoff} LIMIT {batch})
                """, cancellationToken);
            applied += deleted;
        }
        while (deleted == batch);
        return (archive, applied);
    }
}
