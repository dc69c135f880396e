using Npgsql;

namespace Crm.SystemTests.Fuzz;

/// <summary>
/// A fingerprint of every table of every service's database (an MD5 over its rows), to show that refused
/// requests changed nothing. Left out: the logs that record requests by design (the gateway's audit and
/// idempotency tables, and its request counts for the rate limits), the messaging tables, and partner keys'
/// last-used time (every use moves it).
/// </summary>
public static class DatabaseSnapshot
{
    private static readonly string[] Databases = ["gatewaydb", "customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb", "partnerdb"];
    private static readonly HashSet<string> Logs = ["Audit", "IdempotentRequests", "RateLimitWindows", "OutboxMessages", "InboxMessages", "__EFMigrationsHistory", "ApiKeys"];

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(SystemFixture system)
    {
        var fingerprints = new Dictionary<string, string>();
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(await system.App.GetConnectionStringAsync(database));
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            foreach (var table in tables.Where(t => !Logs.Contains(t)).Order())
            {
                await using var hash = new NpgsqlCommand($"""SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "{table}" t""", connection);
                fingerprints[$"{database}.{table}"] = (string)(await hash.ExecuteScalarAsync())!;
            }
        }
        return fingerprints;
    }

    public static IEnumerable<string> Differences(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
            .Select(k => $"{k}: {before.GetValueOrDefault(k) ?? "absent"} → {after.GetValueOrDefault(k) ?? "absent"}");
}
