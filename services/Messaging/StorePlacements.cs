using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Crm.Messaging;

/// <summary>
/// The service's store directory: which shard holds each store, read from the home database's "StorePlacements"
/// and kept in memory. Every instance reads the whole directory again every "Database:PlacementRefresh" (30 s),
/// so a move made by the operator is seen by all instances within that time; a store it does not know yet is
/// looked up at once. With a single database there is nothing to look up: every store is at home.
/// </summary>
public sealed class StorePlacements(DatabaseShards shards, IConfiguration configuration, ILogger<StorePlacements> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, StorePlacement> _known = new();
    private readonly NpgsqlDataSource _home = NpgsqlDataSource.Create(shards.ConnectionString(DatabaseShards.Home));

    public TimeSpan RefreshInterval { get; } = configuration.GetValue("Database:PlacementRefresh", TimeSpan.FromSeconds(30));

    public DatabaseShards Shards => shards;

    /// <summary>The shard of the store, or null when the directory does not know it (yet). Blocks only on a miss.</summary>
    public StorePlacement? Find(Guid storeId)
    {
        if (shards.Single) return AtHome(storeId);
        if (_known.TryGetValue(storeId, out var placement)) return placement;
        using var command = _home.CreateCommand(SelectOne);
        command.Parameters.AddWithValue(storeId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Remember(reader) : null;
    }

    public async ValueTask<StorePlacement?> FindAsync(Guid storeId, CancellationToken cancellationToken)
    {
        if (shards.Single) return AtHome(storeId);
        if (_known.TryGetValue(storeId, out var placement)) return placement;
        await using var command = _home.CreateCommand(SelectOne);
        command.Parameters.AddWithValue(storeId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Remember(reader) : null;
    }

    /// <summary>The shard the store's rows are read and written on now; refuses a store unknown here or being moved.</summary>
    public async ValueTask<string> ShardForAsync(Guid storeId, CancellationToken cancellationToken)
    {
        var placement = await FindAsync(storeId, cancellationToken) ?? throw new StoreNotPlacedException(storeId);
        return placement.Moving ? throw new StoreMovingException(storeId) : placement.Shard;
    }

    /// <summary>
    /// Records where a store that opens is placed (its StoreOpened names the shard); a placement already recorded
    /// is left as it is, so a late or repeated announcement never undoes a move.
    /// </summary>
    public async Task PlaceAsync(Guid storeId, string? shard, DateTimeOffset at, CancellationToken cancellationToken)
    {
        shard ??= DatabaseShards.Home;
        // A service with one database keeps every store at home, wherever the chain placed it.
        if (!shards.Single && !shards.Has(shard))
            throw new InvalidOperationException($"Store {storeId} is placed on the shard '{shard}', which is not configured here ({DatabaseShards.Setting}).");
        // Written with one database too: the directory is complete when further shards are added.
        await using var command = _home.CreateCommand("""
            INSERT INTO "StorePlacements" ("StoreId", "Shard", "Moving", "ChangedAt") VALUES ($1, $2, FALSE, $3) ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue(storeId);
        command.Parameters.AddWithValue(shard);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
        _known.TryRemove(storeId, out _);
    }

    /// <summary>The store's placement as the directory holds it now (not as remembered), remembered from now on.</summary>
    public async Task<StorePlacement?> ReadAsync(Guid storeId, CancellationToken cancellationToken)
    {
        _known.TryRemove(storeId, out _);
        return await FindAsync(storeId, cancellationToken);
    }

    /// <summary>Writes where the store is and whether it is moving (the operator's move, <c>StoreMove</c>).</summary>
    public async Task SetAsync(Guid storeId, string shard, bool moving, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _home.CreateCommand("""
            UPDATE "StorePlacements" SET "Shard" = $2, "Moving" = $3, "ChangedAt" = $4 WHERE "StoreId" = $1
            """);
        command.Parameters.AddWithValue(storeId);
        command.Parameters.AddWithValue(shard);
        command.Parameters.AddWithValue(moving);
        command.Parameters.AddWithValue(at.ToUniversalTime());
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1) throw new InvalidOperationException($"Store {storeId} has no placement to change.");
        _known.TryRemove(storeId, out _);
    }

    /// <summary>Reads the whole directory again: moves made elsewhere are seen from now on.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (shards.Single) return;
        await using var command = _home.CreateCommand("""SELECT "StoreId", "Shard", "Moving", "ChangedAt" FROM "StorePlacements" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var seen = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken)) seen.Add(Remember(reader).StoreId);
        foreach (var gone in _known.Keys.Where(k => !seen.Contains(k))) _known.TryRemove(gone, out _);
    }

    /// <summary>How many stores each shard holds (every configured shard named, with 0 where none is).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = shards.Names.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        if (shards.Single) return counts;
        await using var command = _home.CreateCommand("""SELECT "Shard", count(*)::int FROM "StorePlacements" GROUP BY "Shard" """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>
    /// Holds a lock of the whole chain, named, until disposed (a PostgreSQL advisory lock in the home database): what
    /// must be checked on every shard at once (a new store's code) is done by one instance at a time.
    /// </summary>
    public async Task<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await _home.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.AddWithValue(name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new AdvisoryLock(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", connection);
                command.Parameters.AddWithValue(name);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // The pool resets a returned session (DISCARD ALL), which releases the lock as well, should the unlock have failed.
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>The stores being moved, as last read: jobs leave them alone.</summary>
    public Guid[] Moving() => [.. _known.Values.Where(p => p.Moving).Select(p => p.StoreId)];

    public ValueTask DisposeAsync() => _home.DisposeAsync();

    private const string SelectOne = """SELECT "StoreId", "Shard", "Moving", "ChangedAt" FROM "StorePlacements" WHERE "StoreId" = $1""";

    private StorePlacement AtHome(Guid storeId) => new() { StoreId = storeId, Shard = DatabaseShards.Home, ChangedAt = DateTimeOffset.MinValue };

    private StorePlacement Remember(NpgsqlDataReader reader)
    {
        var placement = new StorePlacement
        {
            StoreId = reader.GetGuid(0),
            Shard = reader.GetString(1),
            Moving = reader.GetBoolean(2),
            ChangedAt = reader.GetFieldValue<DateTimeOffset>(3),
        };
        if (!shards.Has(placement.Shard))
            logger.LogError("Store {StoreId} is placed on the shard '{Shard}', which is not configured here ({Setting})", placement.StoreId, placement.Shard, DatabaseShards.Setting);
        _known[placement.StoreId] = placement;
        return placement;
    }
}

/// <summary>Reads the store directory again at its interval, so that every instance sees the operator's moves.</summary>
public sealed class StorePlacementRefresh(StorePlacements placements, TimeProvider clock, ILogger<StorePlacementRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (placements.Shards.Single) return;
        using var timer = new PeriodicTimer(placements.RefreshInterval, clock);
        do
        {
            try { await placements.RefreshAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The store directory could not be read; it is read again in {Interval}", placements.RefreshInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try { return await timer.WaitForNextTickAsync(stoppingToken); }
        catch (OperationCanceledException) { return false; }
    }
}
