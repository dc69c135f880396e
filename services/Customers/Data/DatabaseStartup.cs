namespace Crm.Customers.Data;

public static class DatabaseStartup
{
    /// <summary>Applies migrations and, when asked for, opens the demo stores of api.md.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        await db.Database.MigrateAsync();
        if (app.Configuration.GetValue<bool>("Seed:Demo"))
            await DemoStores.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>());
    }
}
