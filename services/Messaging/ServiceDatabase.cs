using Microsoft.AspNetCore.Builder;

namespace Crm.Messaging;

public static class ServiceDatabase
{
    /// <summary>Applies the service's migrations at start (development and tests; production runs them from eng scripts).</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.MigrateAsync();
    }
}
