using Microsoft.Extensions.Configuration;

namespace Crm.Messaging;

/// <summary>
/// The databases a service's stores are spread over. The service's own database is the shard "home": it also
/// holds what belongs to the whole chain (the store directory, chain-wide indexes). Each further shard named in
/// "Database:Shards" is a database of the same schema with the connection string "{service database}-{shard}".
/// Shard names are the chain's: a store placed on "east" has its rows in every service's "east" database.
/// </summary>
public sealed class DatabaseShards
{
    public const string Home = "home";
    public const string Setting = "Database:Shards";

    private readonly Dictionary<string, string> _connectionStrings;

    public DatabaseShards(IConfiguration configuration, string connectionName)
    {
        ConnectionName = connectionName;
        _connectionStrings = new Dictionary<string, string>(StringComparer.Ordinal) { [Home] = DatabaseConnection.For(configuration, connectionName) };
        foreach (var shard in NamesIn(configuration))
            _connectionStrings[shard] = DatabaseConnection.For(configuration, ConnectionNameOf(connectionName, shard));
        Names = [.. _connectionStrings.Keys];
    }

    /// <summary>The connection string name of the home database ("customerdb").</summary>
    public string ConnectionName { get; }

    /// <summary>"home" first, then the further shards in their configured order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>One database holds every store: no directory is needed.</summary>
    public bool Single => Names.Count == 1;

    public bool Has(string shard) => _connectionStrings.ContainsKey(shard);

    public string ConnectionString(string shard) =>
        _connectionStrings.TryGetValue(shard, out var connectionString) ? connectionString
            : throw new InvalidOperationException($"The database shard '{shard}' is not configured ({Setting}).");

    /// <summary>"customerdb-east": the connection string name of a further shard.</summary>
    public static string ConnectionNameOf(string connectionName, string shard) =>
        shard == Home ? connectionName : $"{connectionName}-{shard}";

    /// <summary>The further shards "Database:Shards" names: a list, or one comma-separated value.</summary>
    public static IReadOnlyList<string> NamesIn(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var listed = section.Value is { } joined ? joined.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return listed.Select(n => n.Trim()).Where(n => n.Length > 0 && n != Home).Distinct(StringComparer.Ordinal).ToList();
    }
}
