using Npgsql;

namespace Crm.Gateway.Security;

/// <summary>
/// Fixed one-minute windows per caller, counted in the gateway's database (an unlogged table) so that every
/// instance of the gateway counts the same requests: two instances allow a caller its limit once, not twice.
/// A window starts with the caller's first request, as ASP.NET's fixed-window limiter does. Should the database
/// not answer, the request is let through and a warning logged: the limit protects the services, and refusing
/// every caller because a counter is away would be the worse outage.
/// </summary>
public sealed class RateWindows(NpgsqlDataSource database, TimeProvider clock, ILogger<RateWindows> logger)
{
    public const int MaxPartitionLength = 200;
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    /// <summary>Counts one request of the partition; whether it is within <paramref name="permits"/>, and if not, when the window ends.</summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> CountAsync(string partition, int permits, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var command = database.CreateCommand("""
                INSERT INTO "RateLimitWindows" AS w ("Partition", "WindowStart", "Count") VALUES ($1, $2, 1)
                ON CONFLICT ("Partition") DO UPDATE SET
                  "Count" = CASE WHEN w."WindowStart" <= $3 THEN 1 ELSE w."Count" + 1 END,
                  "WindowStart" = CASE WHEN w."WindowStart" <= $3 THEN $2 ELSE w."WindowStart" END
                RETURNING "Count", "WindowStart"
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = partition.Length > MaxPartitionLength ? partition[..MaxPartitionLength] : partition });
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = now - Length });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var count = reader.GetInt32(0);
            var windowStart = reader.GetFieldValue<DateTimeOffset>(1);
            return (count <= permits, windowStart + Length - now);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning(ex, "The request counts could not be read; the request of {Partition} is let through", partition);
            return (true, TimeSpan.Zero);
        }
    }

    /// <summary>Removes windows that ended a minute ago or more (any instance may; a second delete finds nothing).</summary>
    public async Task<int> RemoveEndedAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""DELETE FROM "RateLimitWindows" WHERE "WindowStart" < $1""");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() - 2 * Length });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Clears ended windows once a minute, so the table holds about one row per active caller.</summary>
public sealed class RateWindowCleanup(RateWindows windows, TimeProvider clock, ILogger<RateWindowCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RateWindows.Length, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await windows.RemoveEndedAsync(stoppingToken); }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException) { logger.LogWarning(ex, "Ended request windows could not be removed"); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
