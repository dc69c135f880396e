using Crm.Contracts.Data;
using Crm.Customers.Data;
using Crm.Dispatch.Data;
using Crm.Followups.Data;
using Crm.Reports.Data;
using Crm.Partners.Data;
using Crm.Gateway.Data;
using Crm.Web.Data;
using Microsoft.Extensions.Options;

namespace Crm.Setup;

/// <summary>The setup step: every database migrated, the first ChainAdmin, and the demo chain when asked for.</summary>
public sealed class ChainSetup(IServiceScopeFactory scopes, IOptions<DemoOptions> demo, TimeProvider clock, ILogger<ChainSetup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        DbContext[] databases =
        [
            services.GetRequiredService<CustomerDbContext>(), services.GetRequiredService<DispatchDbContext>(),
            services.GetRequiredService<ContractDbContext>(), services.GetRequiredService<FollowupDbContext>(), services.GetRequiredService<ReportDbContext>(), services.GetRequiredService<PartnerDbContext>(),
            services.GetRequiredService<GatewayDbContext>(), services.GetRequiredService<ConsoleKeysDbContext>(),
        ];
        foreach (var db in databases)
        {
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Migrated {Database}", db.Database.GetDbConnection().Database);
        }
        await DatabaseStartup.EnsureAdminAsync(services, logger);
        if (demo.Value.Demo) await new DemoChain(services, demo.Value, clock, logger).SeedAsync(cancellationToken);
    }
}
