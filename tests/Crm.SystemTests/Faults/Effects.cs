using Npgsql;

namespace Crm.SystemTests.Faults;

/// <summary>
/// What the ledger's requests left in every service's database, counted after the fault: effects
/// missing for acknowledged requests, effects applied more than once, records no request asked for,
/// events still waiting in an outbox, and messages still waiting in a queue (its _error queue too).
/// </summary>
public sealed record Effects(
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Doubled,
    IReadOnlyList<string> Unexpected,
    IReadOnlyDictionary<string, long> OutboxBacklog,
    IReadOnlyDictionary<string, long> Queued)
{
    public bool Settled => Missing.Count == 0 && Doubled.Count == 0 && Unexpected.Count == 0 && OutboxBacklog.Count == 0 && Queued.Count == 0;

    public override string ToString() =>
        $"missing {Missing.Count}{Sample(Missing)}; doubled {Doubled.Count}{Sample(Doubled)}; unexpected {Unexpected.Count}{Sample(Unexpected)}; " +
        $"outbox backlog {Describe(OutboxBacklog)}; queued {Describe(Queued)}";

    private static string Sample(IReadOnlyList<string> items) => items.Count == 0 ? "" : $" (e.g. {string.Join("; ", items.Take(3))})";

    private static string Describe(IReadOnlyDictionary<string, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}

public sealed class EffectCounter(SystemFixture system, Servers servers)
{
    private static readonly string[] Databases = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb", "partnerdb"];
    private readonly Dictionary<string, string> _connections = [];

    public async Task<Effects> CountAsync(Ledger ledger)
    {
        var missing = new List<string>();
        var doubled = new List<string>();
        var unexpected = new List<string>();

        // Customers: every customer of this run, found by the run's phone numbers.
        // Phones are kept in E.164.
        var byPhone = await ReadAsync("customerdb", """SELECT substr("Phone", 4), "Id" FROM "Customers" WHERE "Phone" LIKE @prefix""",
            r => (r.GetString(0), r.GetGuid(1)), ("prefix", "+86" + ledger.PhonePrefix + "%"));
        foreach (var (phone, _) in byPhone.Where(c => !ledger.Registrations.ContainsKey(c.Item1))) unexpected.Add($"customer {phone} was never sent");
        foreach (var group in byPhone.GroupBy(c => c.Item1).Where(g => g.Count() > 1)) doubled.Add($"customer {group.Key} registered {group.Count()} times");
        foreach (var (phone, id) in ledger.Registrations.Where(r => r.Value is not null))
            if (!byPhone.Any(c => c.Item2 == id)) missing.Add($"customer {phone} ({id}) acknowledged but not stored");

        // Every customer that exists went through the whole cascade, once — acknowledged or not.
        var customers = byPhone.Select(c => c.Item2).Distinct().ToArray();
        var cascade = new (string Database, string What, string Sql)[]
        {
            ("customerdb", "dispatch known to the customer", """SELECT "CustomerId", count(*) FROM "Dispatches" WHERE "CustomerId" = ANY(@ids) GROUP BY 1"""),
            ("dispatchdb", "assignment", """SELECT "CustomerId", count(*) FROM "Assignments" WHERE "CustomerId" = ANY(@ids) GROUP BY 1"""),
            ("dispatchdb", "customer file", """SELECT "CustomerId", count(*) FROM "CustomerFiles" WHERE "CustomerId" = ANY(@ids) GROUP BY 1"""),
            ("followupdb", "followed customer", """SELECT "Id", count(*) FROM "Customers" WHERE "Id" = ANY(@ids) GROUP BY 1"""),
            ("followupdb", "first follow-up task", """SELECT "CustomerId", count(*) FROM "Tasks" WHERE "CustomerId" = ANY(@ids) AND "Kind" = 'FirstFollowUp' GROUP BY 1"""),
            ("contractdb", "customer copy", """SELECT "Id", count(*) FROM "Customers" WHERE "Id" = ANY(@ids) GROUP BY 1"""),
            ("reportdb", "customer fact", """SELECT "Id", count(*) FROM "Customers" WHERE "Id" = ANY(@ids) GROUP BY 1"""),
            ("reportdb", "dispatch fact", """SELECT "CustomerId", count(*) FROM "Dispatches" WHERE "CustomerId" = ANY(@ids) GROUP BY 1"""),
        };
        foreach (var (database, what, sql) in cascade)
        {
            var counts = await CountsAsync(database, sql, customers);
            Compare(what, customers.ToDictionary(c => c, _ => 1L), counts, missing, doubled, unexpected);
        }

        // Measurements: once in the customer service and once in reports for each acknowledged one, at most once for the rest.
        var measured = ledger.Milestones.Where(m => customers.Contains(m.Key)).ToDictionary(m => m.Key, m => m.Value);
        var milestoneCounts = await CountsAsync("customerdb", """SELECT "CustomerId", count(*) FROM "Milestones" WHERE "CustomerId" = ANY(@ids) AND "Type" = 'Measured' GROUP BY 1""", customers);
        CompareSent("measurement", measured, milestoneCounts, missing, doubled, unexpected);
        Compare("measurement fact", milestoneCounts, await CountsAsync("reportdb", """SELECT "CustomerId", count(*) FROM "Milestones" WHERE "CustomerId" = ANY(@ids) AND "Type" = 'Measured' GROUP BY 1""", customers),
            missing, doubled, unexpected);

        // Follow-ups: one record per acknowledged request, found by its text; the customer's note and the report's fact follow each record.
        var records = await ReadAsync("followupdb", """SELECT "Content", "Id", "CustomerId" FROM "FollowUps" WHERE "Content" LIKE @prefix""",
            r => (Tag: r.GetString(0), Id: r.GetGuid(1), Customer: r.GetGuid(2)), ("prefix", ledger.FollowUpPrefix + "%"));
        CompareSent("follow-up record", ledger.FollowUps.ToDictionary(f => f.Key, f => f.Value.Record is not null),
            records.GroupBy(r => r.Tag).ToDictionary(g => g.Key, g => (long)g.Count()), missing, doubled, unexpected);
        var recordsPerCustomer = records.GroupBy(r => r.Customer).ToDictionary(g => g.Key, g => (long)g.Count());
        Compare("follow-up note", recordsPerCustomer, await CountsAsync("customerdb", """SELECT "CustomerId", count(*) FROM "Notes" WHERE "CustomerId" = ANY(@ids) AND "Kind" = 'FollowUp' GROUP BY 1""", customers),
            missing, doubled, unexpected);
        var recordIds = records.Select(r => r.Id).ToArray();
        Compare("follow-up fact", recordIds.ToDictionary(id => id, _ => 1L), await CountsAsync("reportdb", """SELECT "Id", count(*) FROM "FollowUps" WHERE "Id" = ANY(@ids) GROUP BY 1""", recordIds),
            missing, doubled, unexpected);

        // Contract forms: received and issued once each; the report keeps one version per move out of stock.
        var moves = await ReadAsync("contractdb", """SELECT "Serial", "Action", count(*) FROM "CustodyEntries" WHERE "Serial" LIKE @prefix GROUP BY 1, 2""",
            r => (Serial: r.GetString(0), Action: r.GetString(1), Count: r.GetInt64(2)), ("prefix", ledger.SerialPrefix + "%"));
        CompareSent("form received", ledger.Forms.ToDictionary(f => f.Key, f => f.Value.Received),
            moves.Where(m => m.Action == "Received").ToDictionary(m => m.Serial, m => m.Count), missing, doubled, unexpected);
        CompareSent("form issued", ledger.Forms.Where(f => f.Value.Received).ToDictionary(f => f.Key, f => f.Value.Issued),
            moves.Where(m => m.Action == "Issued").ToDictionary(m => m.Serial, m => m.Count), missing, doubled, unexpected);
        var versions = await ReadAsync("reportdb", """SELECT "Serial", count(*) FROM "FormVersions" WHERE "Serial" LIKE @prefix GROUP BY 1""",
            r => (r.GetString(0), r.GetInt64(1)), ("prefix", ledger.SerialPrefix + "%"));
        Compare("form version fact", moves.Where(m => m.Action != "Received").ToDictionary(m => m.Serial, m => m.Count), versions.ToDictionary(v => v.Item1, v => v.Item2),
            missing, doubled, unexpected);

        var backlog = new Dictionary<string, long>();
        foreach (var database in Databases)
        {
            var pending = await OutboxBacklogAsync(database);
            if (pending > 0) backlog[database] = pending;
        }
        var queued = (await servers.QueueDepthsAsync()).Where(q => q.Value > 0).ToDictionary(q => q.Key, q => q.Value);
        return new Effects(missing, doubled, unexpected, backlog, queued);
    }

    /// <summary>Counts again every second until every effect has settled or the time is up; the last count.</summary>
    public async Task<Effects> SettledAsync(Ledger ledger, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        Effects effects;
        while (!(effects = await CountAsync(ledger)).Settled && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(TimeSpan.FromSeconds(1));
        return effects;
    }

    /// <summary>Events of a service not yet published.</summary>
    public async Task<long> OutboxBacklogAsync(string database) =>
        (await ReadAsync(database, """SELECT count(*) FROM "OutboxMessages" WHERE "SentAt" IS NULL""", r => r.GetInt64(0))).Single();

    /// <summary>When the outbox row of a message was marked sent (null while it waits).</summary>
    public async Task<DateTimeOffset?> SentAtAsync(string database, Guid messageId) =>
        (await ReadAsync(database, """SELECT "SentAt" FROM "OutboxMessages" WHERE "MessageId" = @id""",
            r => r.IsDBNull(0) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(0), ("id", messageId))).Single();

    /// <summary>How many consumers, in every service, recorded a message in their inbox as applied.</summary>
    public async Task<long> InboxRecordsAsync(Guid messageId)
    {
        long records = 0;
        foreach (var database in Databases)
            records += (await ReadAsync(database, """SELECT count(*) FROM "InboxMessages" WHERE "MessageId" = @id""", r => r.GetInt64(0), ("id", messageId))).Single();
        return records;
    }

    /// <summary>Expected against found, key by key: fewer is missing, more is doubled, a key not expected is unexpected.</summary>
    private static void Compare<TKey>(string what, IReadOnlyDictionary<TKey, long> expected, IReadOnlyDictionary<TKey, long> found,
        List<string> missing, List<string> doubled, List<string> unexpected) where TKey : notnull
    {
        foreach (var (key, count) in expected)
        {
            var actual = found.GetValueOrDefault(key);
            if (actual < count) missing.Add($"{what} of {key}: {actual} of {count}");
            if (actual > count) doubled.Add($"{what} of {key}: {actual} instead of {count}");
        }
        foreach (var key in found.Keys.Where(k => !expected.ContainsKey(k))) unexpected.Add($"{what} of {key}, never asked for");
    }

    /// <summary>Requests sent (true when acknowledged) against what they left: an acknowledged one exactly once, another at most once.</summary>
    private static void CompareSent<TKey>(string what, IReadOnlyDictionary<TKey, bool> sent, IReadOnlyDictionary<TKey, long> found,
        List<string> missing, List<string> doubled, List<string> unexpected) where TKey : notnull
    {
        foreach (var (key, acknowledged) in sent)
        {
            var actual = found.GetValueOrDefault(key);
            if (acknowledged && actual == 0) missing.Add($"{what} {key} acknowledged but not stored");
            if (actual > 1) doubled.Add($"{what} {key} stored {actual} times");
        }
        foreach (var key in found.Keys.Where(k => !sent.ContainsKey(k))) unexpected.Add($"{what} {key}, never sent");
    }

    private async Task<Dictionary<Guid, long>> CountsAsync(string database, string sql, Guid[] ids) =>
        (await ReadAsync(database, sql, r => (r.GetGuid(0), r.GetInt64(1)), ("ids", ids))).ToDictionary(c => c.Item1, c => c.Item2);

    /// <summary>Rows of a query on one service's database, read as they come.</summary>
    public async Task<List<T>> ReadAsync<T>(string database, string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private async Task<string> ConnectionStringAsync(string database)
    {
        if (!_connections.TryGetValue(database, out var connection))
        {
            // No pool: a pooled connection would outlive a database restart and fail its next command.
            var builder = new NpgsqlConnectionStringBuilder(await system.App.GetConnectionStringAsync(database)
                ?? throw new InvalidOperationException($"No connection string for {database}.")) { Pooling = false };
            _connections[database] = connection = builder.ConnectionString;
        }
        return connection;
    }
}
