using Npgsql;

namespace Crm.Bench.System;

/// <summary>
/// Where register → dispatched goes, read from the local-mode system's databases: the moments each step left in
/// its rows (the customer service's event row and when the broker confirmed it, when the dispatch service began
/// to consume it, when the assignment was made).
/// </summary>
public static class LatencyStages
{
    public sealed record Stage(string Name, List<double> Seconds);

    public static async Task<List<Stage>> ReadAsync(string systemData, IReadOnlyCollection<Guid> customers)
    {
        var server = $"Host=127.0.0.1;Port={File.ReadLines(Path.Combine(systemData, "postgres", "postmaster.pid")).ElementAt(3).Trim()};" +
                     $"Username=postgres;Password={File.ReadAllText(Path.Combine(systemData, "postgres-password")).Trim()}";
        var ids = customers.ToArray();
        var events = await QueryAsync(server, "customerdb", """
            SELECT c."Id", o."MessageId", c."RegisteredAt", o."CreatedAt", o."SentAt"
            FROM "Customers" c JOIN "OutboxMessages" o ON o."MessageType" = 'Crm.Messages.CustomerRegistered' AND o."Body"->>'customerId' = c."Id"::text
            WHERE c."Id" = ANY(@ids)
            """, r => (Customer: r.GetGuid(0), Message: r.GetGuid(1), Registered: r.GetFieldValue<DateTimeOffset>(2), Written: r.GetFieldValue<DateTimeOffset>(3), Confirmed: r.GetFieldValue<DateTimeOffset>(4)), ids);
        var consumed = (await QueryAsync(server, "dispatchdb", """
            SELECT "MessageId", "ProcessedAt" FROM "InboxMessages" WHERE "Consumer" LIKE '%.CustomerRegisteredConsumer' AND "MessageId" = ANY(@ids)
            """, r => (Message: r.GetGuid(0), At: r.GetFieldValue<DateTimeOffset>(1)), events.Select(e => e.Message).ToArray())).ToDictionary(c => c.Message, c => c.At);
        var assigned = (await QueryAsync(server, "dispatchdb", """
            SELECT "CustomerId", min("CreatedAt") FROM "Assignments" WHERE "CustomerId" = ANY(@ids) GROUP BY "CustomerId"
            """, r => (Customer: r.GetGuid(0), At: r.GetFieldValue<DateTimeOffset>(1)), ids)).ToDictionary(a => a.Customer, a => a.At);

        var complete = events.Where(e => consumed.ContainsKey(e.Message) && assigned.ContainsKey(e.Customer)).ToList();
        return
        [
            new("registration → its event row written (customer service, in the registration's transaction)", complete.Select(e => (e.Written - e.Registered).TotalSeconds).ToList()),
            new("event row → dispatch service starts consuming it (wake-up, relay's read, publish, broker, delivery)", complete.Select(e => (consumed[e.Message] - e.Written).TotalSeconds).ToList()),
            new("dispatch consuming → assignment made (customer filed and committed, then the automatic-dispatch turn)", complete.Select(e => (assigned[e.Customer] - consumed[e.Message]).TotalSeconds).ToList()),
            new("for reference: event row → the broker's confirm recorded by the relay", complete.Select(e => (e.Confirmed - e.Written).TotalSeconds).ToList()),
        ];
    }

    private static async Task<List<T>> QueryAsync<T>(string server, string database, string sql, Func<NpgsqlDataReader, T> read, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection($"{server};Database={database}");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
