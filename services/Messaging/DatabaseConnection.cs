using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Crm.Messaging;

/// <summary>
/// The connection string a service's database context opens: the configured one, with Npgsql preparing the
/// statements a connection repeats when "Database:MaxAutoPrepare" asks for it (off by default: bench/RESULTS.md,
/// "system: reading the figures", says what it changed). A connection string that sets "Max Auto Prepare" itself
/// keeps its figure.
/// </summary>
public static class DatabaseConnection
{
    public const string MaxAutoPrepare = "Database:MaxAutoPrepare";

    public static string For(IConfiguration configuration, string name)
    {
        var configured = configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"The connection string '{name}' is not configured.");
        return WithAutoPrepare(configured, configuration.GetValue(MaxAutoPrepare, 0));
    }

    public static string WithAutoPrepare(string connectionString, int statements)
    {
        if (statements <= 0) return connectionString;
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = statements }.ConnectionString;
    }
}
