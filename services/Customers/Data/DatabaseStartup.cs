namespace Crm.Customers.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations and, when asked for, opens the demo stores of api.md.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.MigrateDatabaseAsync<CustomerDbContext>();
        if (!app.Configuration.GetValue<bool>("Seed:Demo")) return;
        await using var scope = app.Services.CreateAsyncScope();
        await DemoStores.SeedAsync(scope.ServiceProvider.GetRequiredService<CustomerDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }
}
