using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Data;

public static class DatabaseStartup
{
    public const string AdminUsername = "admin";

    /// <summary>When the gateway migrates its own database at start (run alone, tests), it also creates the first ChainAdmin.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        if (!await app.MigrateOnStartAsync<GatewayDbContext>()) return;
        await using var scope = app.Services.CreateAsyncScope();
        await EnsureAdminAsync(scope.ServiceProvider, app.Logger);
    }

    /// <summary>
    /// Creates the ChainAdmin "admin" with "Seed:AdminPassword" when no staff account exists yet, so that a
    /// new chain has someone to sign in with. Nothing happens once any account exists.
    /// </summary>
    public static async Task EnsureAdminAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<GatewayDbContext>();
        if (await db.Users.AnyAsync()) return;
        var seed = services.GetRequiredService<IOptions<SeedOptions>>().Value;
        if (string.IsNullOrEmpty(seed.AdminPassword))
        {
            logger.LogWarning("No staff account exists and Seed:AdminPassword is not set: nobody can sign in.");
            return;
        }
        var admin = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = AdminUsername,
            DisplayName = "Chain administrator",
            Role = StaffRoles.ChainAdmin,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            CreatedBy = "setup",
        };
        var result = await services.GetRequiredService<StaffAccounts>().OpenAsync(admin, seed.AdminPassword);
        if (!result.Succeeded)
            throw new InvalidOperationException("Seed:AdminPassword is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
