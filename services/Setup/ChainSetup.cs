using Crm.Gateway.Data;

using Microsoft.Extensions.Options;

namespace Crm.Setup;

/// <summary>The setup step: every database migrated, the first ChainAdmin, and the demo chain when asked for.</summary>
public sealed class ChainSetup(IServiceScopeFactory scopes, IConfiguration configuration, IOptions<DemoOptions> demo, TimeProvider clock, ILogger<ChainSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, context) in SetupDatabases.Databases(configuration))
        {
            await using var migration = scopes.CreateAsyncScope();
            var db = SetupDatabases.Open(migration.ServiceProvider, configuration, name, context);
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Migrated {Database} ({Name})", db.Database.GetDbConnection().Database, name);
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await DatabaseStartup.EnsureAdminAsync(services, logger);
        if (demo.Value.Demo) await new DemoChain(services, demo.Value, clock, logger).SeedAsync(cancellationToken);
    }
}
