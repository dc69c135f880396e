namespace Crm.AppHost.Infrastructure;

/// <summary>What the services are wired to, whichever the mode.</summary>
public sealed record ServiceInfrastructure(
    Func<string, IResourceBuilder<IResourceWithConnectionString>> AddDatabase,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IReadOnlyList<IResourceBuilder<IResource>> Servers)
{
    private readonly Dictionary<string, IResourceBuilder<IResourceWithConnectionString>> _databases = [];

    /// <summary>What a service needs beside the connection string to reach the broker (a local cluster's nodes).</summary>
    public IReadOnlyList<KeyValuePair<string, ReferenceExpression>> MessagingSettings { get; init; } = [];

    /// <summary>The broker is a cluster of several nodes here (a local cluster), not one.</summary>
    public bool ClusteredBroker { get; init; }

    /// <summary>The further database shards beside "home" (local mode with Infra:DatabaseShards), in order.</summary>
    public IReadOnlyList<string> DatabaseShards { get; init; } = [];

    /// <summary>Adds a service's database on a further shard: (shard, "customerdb-shard2").</summary>
    public Func<string, string, IResourceBuilder<IResourceWithConnectionString>>? AddShardDatabase { get; init; }

    /// <summary>The database of that name, added once and shared by the setup step and its service.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string name) =>
        _databases.TryGetValue(name, out var database) ? database : _databases[name] = AddDatabase(name);

    /// <summary>The service's database on each further shard ("customerdb-shard2", …), added once.</summary>
    public IEnumerable<IResourceBuilder<IResourceWithConnectionString>> ShardDatabases(string name) =>
        DatabaseShards.Select(shard =>
        {
            var shardName = $"{name}-{shard}";
            return _databases.TryGetValue(shardName, out var database) ? database : _databases[shardName] = AddShardDatabase!(shard, shardName);
        });
}

public static class InfrastructureSetup
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder) =>
        InfrastructureModeChoice.Choose(builder.Configuration) switch
        {
            InfrastructureMode.Containers => ContainerInfrastructure.Add(builder),
            InfrastructureMode.Local => LocalInfrastructure.Add(builder),
            _ => ExternalInfrastructure.Add(builder),
        };

    /// <summary>Local data (databases in local mode, development keys): .data/ beside the AppHost, or Infra:DataDir.</summary>
    public static string DataDirectory(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Infra:DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));

    public static IResourceBuilder<T> WaitForAll<T>(this IResourceBuilder<T> resource, IEnumerable<IResourceBuilder<IResource>> servers)
        where T : IResourceWithWaitSupport
    {
        foreach (var server in servers) resource.WaitFor(server);
        return resource;
    }
}
