using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Crm.Data;

/// <summary>What a store's move did in one service: its rows copied per table, leftovers removed, messages sent again.</summary>
public sealed record StoreMoveResult(
    Guid StoreId, string From, string To, IReadOnlyDictionary<string, long> Copied, long Removed, int MessagesSentAgain);

/// <summary>
/// Moves one store's rows of this service from its database shard to another (README, "Moving a store"):
/// <list type="number">
/// <item>the store is marked moving, and every instance is given a directory refresh to see it: the store's requests are
/// answered 503 store-moving, its messages are kept in the home database (<see cref="MovingStoreMessage"/>), jobs pass it by;</item>
/// <item>each of its tables (every table keyed by the store first, its store copy, its waiting events) is copied in
/// one transaction on the new shard, in foreign-key order, and the rows counted on both sides; the last hour of the
/// inbox goes too, so that a message delivered again still finds that it was applied;</item>
/// <item>the directory names the new shard; the store's rows are removed from every other shard (a ledger's guard
/// against deletes is lifted for that transaction only: the ledger lives on, on the new shard);</item>
/// <item>after another refresh, the kept messages are sent again.</item>
/// </list>
/// A move that stops half-way is run again: while the store is still marked moving, the old shard's rows are the
/// store's and are copied afresh; once the directory names the new shard, only the removal and the sending remain.
/// Moving a store back to where it is while it is marked moving calls the move off.
/// </summary>
public sealed class StoreMove<TDbContext>(TDbContext db, StorePlacements placements, StoreMoveMessages kept, TimeProvider clock, IConfiguration configuration)
    where TDbContext : DbContext
{
    /// <summary>Inbox rows this young are copied with the store.</summary>
    public static readonly TimeSpan InboxWindow = TimeSpan.FromHours(1);

    /// <summary>Beyond the directory's refresh interval, for a request or message that read the old placement to finish.</summary>
    private TimeSpan Settle => configuration.GetValue("Database:MoveSettle", TimeSpan.FromSeconds(5));

    public async Task<Outcome<StoreMoveResult>> MoveAsync(Guid storeId, string to, CancellationToken cancellationToken)
    {
        var shards = placements.Shards;
        if (shards.Single) return Violation.Conflict("single-database", "This service keeps every store in one database: there is nowhere to move a store to.");
        if (!shards.Has(to)) return Violation.Invalid("to", $"No database shard '{to}' is configured here; the shards are {string.Join(", ", shards.Names)}.");
        var placement = await placements.ReadAsync(storeId, cancellationToken);
        if (placement is null) return Violation.NotFound("store");
        var tables = StoreTables.Of(db.Model);
        var from = placement.Shard;
        var copied = new Dictionary<string, long>();

        var moved = from != to || placement.Moving;
        if (from != to)
        {
            await placements.SetAsync(storeId, from, moving: true, clock.GetUtcNow(), cancellationToken);
            await EveryInstanceSeesItAsync(cancellationToken);
            copied = await CopyAsync(tables, storeId, from, to, cancellationToken);
        }
        if (moved) await placements.SetAsync(storeId, to, moving: false, clock.GetUtcNow(), cancellationToken);

        long removed = 0;
        foreach (var other in shards.Names.Where(s => s != to))
            removed += await RemoveAsync(tables, storeId, other, cancellationToken);
        // What was kept goes again once no instance can still be keeping more: after a refresh since the switch.
        if (moved || clock.GetUtcNow() - placement.ChangedAt < placements.RefreshInterval + Settle) await EveryInstanceSeesItAsync(cancellationToken);
        var sent = await kept.SendAgainAsync(storeId, cancellationToken);
        if (!moved && removed == 0 && sent == 0)
            return Violation.Conflict("already-there", $"The store is on the shard '{to}' already; no other shard holds any of its rows and none of its messages is kept.");
        return new StoreMoveResult(storeId, from, to, copied, removed, sent);
    }

    private Task EveryInstanceSeesItAsync(CancellationToken cancellationToken) =>
        Task.Delay(placements.RefreshInterval + Settle, clock, cancellationToken);

    /// <summary>The store's rows copied to the new shard in one transaction, after any left there by a move that stopped half-way.</summary>
    private async Task<Dictionary<string, long>> CopyAsync(StoreTables tables, Guid storeId, string from, string to, CancellationToken cancellationToken)
    {
        await using var source = await OpenAsync(from, cancellationToken);
        await using var target = await OpenAsync(to, cancellationToken);
        await using var transaction = await target.BeginTransactionAsync(cancellationToken);
        await RemoveAsync(target, tables, storeId, cancellationToken);
        var copied = new Dictionary<string, long>();
        foreach (var table in tables.InKeyOrder)
        {
            var columns = await ColumnsAsync(source, table.Name, withIdentity: table.KeepsIdentity, cancellationToken);
            await CopyRowsAsync(source, target, table, storeId, columns, cancellationToken);
            var (there, here) = (await CountAsync(source, table, storeId, cancellationToken), await CountAsync(target, table, storeId, cancellationToken));
            if (there != here) throw new InvalidOperationException($"{table.Name}: {there} rows of store {storeId} on '{from}', {here} copied to '{to}'.");
            if (here > 0) copied[table.Name] = here;
            if (table.KeepsIdentity) await AdvanceIdentitiesAsync(target, table.Name, cancellationToken);
        }
        await CopyInboxAsync(source, target, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    private static async Task CopyRowsAsync(NpgsqlConnection source, NpgsqlConnection target, StoreTable table, Guid storeId, string columns, CancellationToken cancellationToken)
    {
        var select = $"""COPY (SELECT {columns} FROM "{table.Name}" WHERE {table.Rows(storeId)} ORDER BY {table.Order}) TO STDOUT (FORMAT BINARY)""";
        await using var reader = await source.BeginRawBinaryCopyAsync(select, cancellationToken);
        await using var writer = await target.BeginRawBinaryCopyAsync($"""COPY "{table.Name}" ({columns}) FROM STDIN (FORMAT BINARY)""", cancellationToken);
        await reader.CopyToAsync(writer, cancellationToken);
    }

    /// <summary>The recent inbox: a message applied on the old shard, delivered again after the move, is still dropped.</summary>
    private async Task CopyInboxAsync(NpgsqlConnection source, NpgsqlConnection target, CancellationToken cancellationToken)
    {
        await Execute(target, """CREATE TEMP TABLE "MovedInbox" (LIKE "InboxMessages") ON COMMIT DROP""", cancellationToken);
        var since = clock.GetUtcNow().Subtract(InboxWindow).UtcDateTime.ToString("O");
        await using (var reader = await source.BeginRawBinaryCopyAsync(
            $"""COPY (SELECT * FROM "InboxMessages" WHERE "ProcessedAt" > '{since}') TO STDOUT (FORMAT BINARY)""", cancellationToken))
        await using (var writer = await target.BeginRawBinaryCopyAsync("""COPY "MovedInbox" FROM STDIN (FORMAT BINARY)""", cancellationToken))
            await reader.CopyToAsync(writer, cancellationToken);
        await Execute(target, """INSERT INTO "InboxMessages" SELECT * FROM "MovedInbox" ON CONFLICT DO NOTHING""", cancellationToken);
    }

    /// <summary>Removes the store's rows from a shard it has left (or that a half-done move left them on), in one transaction.</summary>
    private async Task<long> RemoveAsync(StoreTables tables, Guid storeId, string shard, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(shard, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await RemoveAsync(connection, tables, storeId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task<long> RemoveAsync(NpgsqlConnection connection, StoreTables tables, Guid storeId, CancellationToken cancellationToken)
    {
        var guarded = await GuardedTablesAsync(connection, cancellationToken);
        long removed = 0;
        foreach (var table in tables.InKeyOrder.Reverse())
        {
            // A ledger refuses deletes by a trigger; lifted inside this transaction only (the table is locked meanwhile).
            var guard = guarded.Contains(table.Name);
            if (guard) await Execute(connection, $"""ALTER TABLE "{table.Name}" DISABLE TRIGGER USER""", cancellationToken);
            removed += await Execute(connection, $"""DELETE FROM "{table.Name}" WHERE {table.Rows(storeId)}""", cancellationToken);
            if (guard) await Execute(connection, $"""ALTER TABLE "{table.Name}" ENABLE TRIGGER USER""", cancellationToken);
        }
        return removed;
    }

    private static async Task<HashSet<string>> GuardedTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>The table's columns (a generated column is computed, not copied; an identity, unless kept, is given anew).</summary>
    private static async Task<string> ColumnsAsync(NpgsqlConnection connection, string table, bool withIdentity, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' AND ($2 OR is_identity = 'NO')
            ORDER BY ordinal_position
            """, connection);
        command.Parameters.AddWithValue(table);
        command.Parameters.AddWithValue(withIdentity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) columns.Add($"\"{reader.GetString(0)}\"");
        return string.Join(", ", columns);
    }

    /// <summary>A copied identity's sequence is set past the copied numbers, so that the store's next row does not meet one of them.</summary>
    private static async Task AdvanceIdentitiesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var identities = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_identity = 'YES'
            """, connection))
        {
            command.Parameters.AddWithValue(table);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) identities.Add(reader.GetString(0));
        }
        foreach (var column in identities)
        {
            await using var sequence = new NpgsqlCommand($"SELECT pg_get_serial_sequence('\"{table}\"', '{column}')", connection);
            var name = (string)(await sequence.ExecuteScalarAsync(cancellationToken))!;
            await Execute(connection,
                $"""SELECT setval('{name}', GREATEST((SELECT COALESCE(max("{column}"), 0) FROM "{table}"), (SELECT last_value FROM {name})))""", cancellationToken);
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, StoreTable table, Guid storeId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""SELECT count(*) FROM "{table.Name}" WHERE {table.Rows(storeId)}""", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<int> Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<NpgsqlConnection> OpenAsync(string shard, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(placements.Shards.ConnectionString(shard));
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
