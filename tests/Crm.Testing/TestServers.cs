using Npgsql;

namespace Crm.Testing;

/// <summary>
/// The PostgreSQL and RabbitMQ servers that eng/test started for this run (or that the caller
/// named): CRM_TEST_POSTGRES is a server connection string, CRM_TEST_RABBITMQ an amqp:// URI.
/// </summary>
public static class TestServers
{
    public static string Postgres => Required("CRM_TEST_POSTGRES");
    public static string RabbitMq => Required("CRM_TEST_RABBITMQ");

    /// <summary>Creates an empty database of its own for one test class; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// The exchange name prefix of this test process, so that test assemblies running side by side
    /// never see each other's messages. (MassTransit keeps exchange names process-wide, so hosts of
    /// one process share it; each host still has queues of its own and its own database.)
    /// </summary>
    public static readonly string EntityPrefix = $"t{Guid.NewGuid():N}"[..12];

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with eng/test, which starts PostgreSQL and RabbitMQ.");
}
