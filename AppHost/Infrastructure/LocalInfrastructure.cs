using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Crm.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from the machine's Debian packages, run by eng/local scripts as
/// executable resources with their data under .data/ (or Infra:DataDir), health-checked. With Infra:DatabaseShards=N,
/// N-1 further PostgreSQL servers ("postgres-shard2", …) hold the further shards of the services' databases.
/// </summary>
public static class LocalInfrastructure
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDir = InfrastructureSetup.DataDirectory(builder);
        Directory.CreateDirectory(dataDir);

        var pgPassword = builder.AddParameter("postgres-password", LocalSecret.ReadOrCreate(dataDir, "postgres-password"), secret: true);
        var (postgres, server) = AddPostgres(builder, "postgres", repoRoot, dataDir, pgPassword);
        var shards = Enumerable.Range(2, Math.Max(0, builder.Configuration.GetValue("Infra:DatabaseShards", 1) - 1))
            .Select(n => (Name: $"shard{n}", Server: AddPostgres(builder, $"postgres-shard{n}", repoRoot, dataDir, pgPassword)))
            .ToList();

        var rabbitPassword = builder.AddParameter("rabbitmq-password", LocalSecret.ReadOrCreate(dataDir, "rabbitmq-password"), secret: true);
        var broker = LocalBroker.Add(builder, repoRoot, dataDir, rabbitPassword);
        var messaging = builder.AddConnectionString("messaging", broker.ConnectionString);

        var shardServers = shards.ToDictionary(s => s.Name, s => s.Server.Connection);
        return new ServiceInfrastructure(
            name => builder.AddConnectionString(name, ReferenceExpression.Create($"{server};Database={name}")),
            messaging,
            [postgres, .. shards.Select(s => s.Server.Resource), .. broker.Nodes])
        {
            MessagingSettings = broker.Settings,
            ClusteredBroker = broker.Clustered,
            DatabaseShards = [.. shardServers.Keys],
            AddShardDatabase = (shard, name) => builder.AddConnectionString(name, ReferenceExpression.Create($"{shardServers[shard]};Database={name}")),
        };
    }

    /// <summary>One PostgreSQL server, its data in its own folder, health-checked under "{name}-ready".</summary>
    private static (IResourceBuilder<IResource> Resource, ReferenceExpression Connection) AddPostgres(
        IDistributedApplicationBuilder builder, string name, string repoRoot, string dataDir, IResourceBuilder<ParameterResource> password)
    {
        var postgres = builder.AddExecutable(name, "bash", repoRoot, Path.Combine(repoRoot, "eng/local/postgres.sh"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PG_PORT", isProxied: false)
            .WithEnvironment("PG_DATA", Path.Combine(dataDir, name))
            .WithEnvironment("PG_PASSWORD", password)
            .WithHealthCheck($"{name}-ready");
        var pg = postgres.GetEndpoint("tcp");
        var server = ReferenceExpression.Create(
            $"Host={pg.Property(EndpointProperty.Host)};Port={pg.Property(EndpointProperty.Port)};Username=postgres;Password={password}");
        builder.Services.AddHealthChecks().AddAsyncCheck($"{name}-ready", ct => PostgresAnswers(server, ct));
        return (postgres, server);
    }

    private static async Task<HealthCheckResult> PostgresAnswers(ReferenceExpression server, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(await server.GetValueAsync(cancellationToken));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer yet", ex);
        }
    }
}
