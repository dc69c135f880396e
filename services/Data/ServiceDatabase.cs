using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Crm.Data;

public static class ServiceDatabase
{
    public const string MigrateOnStart = "Database:MigrateOnStart";

    /// <summary>
    /// Applies the service's migrations at start only when "Database:MigrateOnStart" asks for it (a service
    /// run on its own, tests). Otherwise the setup step (services/Setup; the chart's migration Job) has
    /// migrated every database before any service starts, so instances never race to migrate.
    /// </summary>
    public static async Task<bool> MigrateOnStartAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        if (!app.Configuration.GetValue<bool>(MigrateOnStart)) return false;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.MigrateAsync();
        return true;
    }
}
