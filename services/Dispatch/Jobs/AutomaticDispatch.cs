using Microsoft.Extensions.Options;

namespace Crm.Dispatch.Jobs;

/// <summary>
/// Dispatches the customers waiting for their store's automatic dispatch. Each worker claims one store at a
/// time — the store whose waiting customer has waited longest, among those no other worker (of any instance)
/// holds — and dispatches up to a batch of its customers in registration order under the store's lock, in
/// one transaction. So one store's burst occupies one worker while the others serve every other store, and
/// a backlog drains a batch per lock instead of a lock per customer. With several database shards a worker takes a
/// turn on each shard in turn, and leaves a store being moved alone.
/// </summary>
public sealed class AutomaticDispatch(
    IServiceScopeFactory scopes,
    StorePlacements placements,
    AutomaticDispatchSignal signal,
    IOptions<AutomaticDispatchOptions> options,
    TimeProvider clock,
    ILogger<AutomaticDispatch> logger) : BackgroundService
{
    public const string RequestedBy = "automatic dispatch on registration";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers))
            .Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchOnEveryShardAsync(stoppingToken)) { }
                backoff.Reset();
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.NextDelay();
                logger.LogWarning(ex, "Automatic dispatch failed; trying again in {Delay}", delay);
                await Task.Delay(delay, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>One turn on each shard; false when no shard had a store with anyone waiting.</summary>
    private async Task<bool> DispatchOnEveryShardAsync(CancellationToken stoppingToken)
    {
        var any = false;
        foreach (var shard in placements.Shards.Names) any |= await DispatchNextStoreAsync(shard, stoppingToken);
        return any;
    }

    /// <summary>One turn for one store of the shard; false when no store there has anyone waiting that another worker does not hold.</summary>
    private async Task<bool> DispatchNextStoreAsync(string shard, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        scope.ServiceProvider.GetRequiredService<ShardRoute>().Use(db, shard);
        var moving = placements.Moving();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellationToken =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var store = await db.Stores.FromSql($"""
                SELECT s.* FROM "Stores" s
                JOIN (SELECT "StoreId", min("AwaitingDispatchSince") AS "Since" FROM "CustomerFiles"
                      WHERE "AwaitingDispatchSince" IS NOT NULL GROUP BY "StoreId") w ON w."StoreId" = s."Id"
                WHERE s."Id" <> ALL({moving})
                ORDER BY w."Since" LIMIT 1
                FOR NO KEY UPDATE OF s SKIP LOCKED
                """).SingleOrDefaultAsync(cancellationToken);
            if (store is null) return false;

            var settings = await db.SettingsAsync(store.Id, cancellationToken);
            var waiting = await db.CustomerFiles
                .Where(f => f.StoreId == store.Id && f.AwaitingDispatchSince != null)
                .OrderBy(f => f.AwaitingDispatchSince).ThenBy(f => f.CustomerNo)
                .Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            // Read once for the batch: a dispatch changes only the chosen designer's rotation (tracked), never holdings.
            var startedAt = clock.GetUtcNow();
            var candidates = await db.CandidatesAsync(store.Id, settings, store.LocalDate(startedAt), startedAt, cancellationToken);
            foreach (var file in waiting)
            {
                // A manager may have dispatched the customer by hand meanwhile, or switched automatic dispatch off.
                if (file.NeedsAutomaticDispatch && settings.AutoDispatch)
                {
                    var now = clock.GetUtcNow();
                    var decision = Dispatcher.Decide(candidates, DispatchCustomer.From(file), settings,
                        new Dispatcher.Request(DispatchKind.Automatic, RequestedBy, now, store.LocalDate(now)));
                    if (db.Offer(store, file, decision, DispatchKind.Automatic, now, clock) is null)
                        logger.LogWarning("Customer {CustomerNo} of store {StoreCode} waits for a designer: {Decision}", file.CustomerNo, store.Code, decision.Trace.Decision);
                }
                file.AutomaticDispatchDone();
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, stoppingToken);
    }
}
