namespace Crm.Contracts.Data;

public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContractDbContext>().Database.MigrateAsync();
    }
}
