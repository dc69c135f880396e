using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Data;

public static class DatabaseStartup
{
    public const string AdminUsername = "admin";

    /// <summary>Applies migrations and creates the first ChainAdmin when there is no account yet.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await db.Database.MigrateAsync();
        if (await db.Users.AnyAsync()) return;

        var seed = scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (string.IsNullOrEmpty(seed.AdminPassword))
        {
            app.Logger.LogWarning("No staff account exists and Seed:AdminPassword is not set: nobody can sign in.");
            return;
        }
        var admin = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = AdminUsername,
            DisplayName = "Chain administrator",
            Role = StaffRoles.ChainAdmin,
            CreatedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(),
            CreatedBy = "seed",
        };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().CreateAsync(admin, seed.AdminPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException("Seed:AdminPassword is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        if (seed.Demo)
        {
            var marketing = new StaffUser
            {
                Id = Guid.CreateVersion7(), UserName = "marketing", DisplayName = "市场部", Role = StaffRoles.Marketing,
                CreatedAt = admin.CreatedAt, CreatedBy = "seed",
            };
            await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().CreateAsync(marketing, seed.StorePassword);
        }
    }
}
