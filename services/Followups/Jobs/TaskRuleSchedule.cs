using Microsoft.Extensions.Options;

namespace Crm.Followups.Jobs;

public sealed class TaskRuleScheduleOptions
{
    /// <summary>How often the service looks for stores whose local day has turned ("Followups:TaskRules:Interval").</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Runs the time-based task rules (<see cref="RunTaskRules"/>) for every store on its own local day, on a timer
/// driven by <see cref="TimeProvider"/>. With several instances, one sweeps at a time (a PostgreSQL advisory lock
/// held for the sweep); each store-day is done once whatever happens (its <see cref="RuleRun"/> key). No scheduler
/// library: one query per store per day needs no more, and the lock and the key live in the service's own database.
/// </summary>
public sealed class TaskRuleSchedule(IServiceScopeFactory scopes, DatabaseShards shards, TimeProvider clock, IOptions<TaskRuleScheduleOptions> options, ILogger<TaskRuleSchedule> logger)
    : BackgroundService
{
    /// <summary>The advisory lock's key: the same in every instance of the follow-up service.</summary>
    public const long LockKey = 0x466F6C6C6F775570; // "FollowUp"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The follow-up task rules could not run; they run again in {Interval}", options.Value.Interval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Every store's rules for its local day now, shard by shard; nothing on a shard another instance is sweeping.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var made = 0;
        foreach (var shard in shards.Names) made += await SweepAsync(shard, cancellationToken);
        return made;
    }

    private async Task<int> SweepAsync(string shard, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FollowupDbContext>();
        scope.ServiceProvider.GetRequiredService<ShardRoute>().Use(db, shard);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var locked = await db.Database.SqlQuery<bool>($"""SELECT pg_try_advisory_lock({LockKey}) AS "Value" """).SingleAsync(cancellationToken);
            if (!locked) return 0;
            try
            {
                var made = 0;
                var now = clock.GetUtcNow();
                var moving = scope.ServiceProvider.GetRequiredService<StorePlacements>().Moving();
                var stores = await db.Stores.AsNoTracking().Where(s => !moving.Contains(s.Id)).ToListAsync(cancellationToken);
                var rules = scope.ServiceProvider.GetRequiredService<RunTaskRules>();
                foreach (var store in stores)
                    made += await rules.RunAsync(store.Id, store.LocalDate(now), force: false, cancellationToken) ?? 0;
                if (made > 0) logger.LogInformation("The follow-up task rules made {Tasks} tasks", made);
                return made;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
