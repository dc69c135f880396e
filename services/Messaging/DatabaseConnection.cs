using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Crm.Messaging;

/// <summary>
/// The connection string a service's database context opens: the configured one, with Npgsql preparing the
/// statements a connection repeats (EF Core sends the same few per message and request), so that PostgreSQL
/// parses and plans each once per connection instead of on every execution. A connection string that sets
/// "Max Auto Prepare" itself keeps its figure.
/// </summary>
public static class DatabaseConnection
{
    /// <summary>Statements kept prepared per connection; the least recently used make room for new ones.</summary>
    public const int AutoPreparedStatements = 100;

    public static string For(IConfiguration configuration, string name)
    {
        var configured = configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"The connection string '{name}' is not configured.");
        return WithAutoPrepare(configured);
    }

    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = AutoPreparedStatements;
        return builder.ConnectionString;
    }
}
