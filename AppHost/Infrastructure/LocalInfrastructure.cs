using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Crm.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from the machine's Debian packages, run by eng/local scripts as
/// executable resources with their data under .data/ (or Infra:DataDir), health-checked.
/// </summary>
public static class LocalInfrastructure
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var repoRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDir = InfrastructureSetup.DataDirectory(builder);
        Directory.CreateDirectory(dataDir);

        var pgPassword = builder.AddParameter("postgres-password", LocalSecret.ReadOrCreate(dataDir, "postgres-password"), secret: true);
        var postgres = builder.AddExecutable("postgres", "bash", repoRoot, Path.Combine(repoRoot, "eng/local/postgres.sh"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PG_PORT", isProxied: false)
            .WithEnvironment("PG_DATA", Path.Combine(dataDir, "postgres"))
            .WithEnvironment("PG_PASSWORD", pgPassword)
            .WithHealthCheck("postgres-ready");
        var pg = postgres.GetEndpoint("tcp");
        var server = ReferenceExpression.Create(
            $"Host={pg.Property(EndpointProperty.Host)};Port={pg.Property(EndpointProperty.Port)};Username=postgres;Password={pgPassword}");

        var rabbitPassword = builder.AddParameter("rabbitmq-password", LocalSecret.ReadOrCreate(dataDir, "rabbitmq-password"), secret: true);
        var broker = LocalBroker.Add(builder, repoRoot, dataDir, rabbitPassword);
        var messaging = builder.AddConnectionString("messaging", broker.ConnectionString);

        builder.Services.AddHealthChecks().AddAsyncCheck("postgres-ready", ct => PostgresAnswers(server, ct));

        return new ServiceInfrastructure(
            name => builder.AddConnectionString(name, ReferenceExpression.Create($"{server};Database={name}")),
            messaging,
            [postgres, .. broker.Nodes])
        {
            MessagingSettings = broker.Settings,
            ClusteredBroker = broker.Clustered,
        };
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
