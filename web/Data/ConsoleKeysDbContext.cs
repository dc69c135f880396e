using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Web.Data;

/// <summary>
/// The console's only database: the key ring of ASP.NET Core Data Protection, which encrypts the sign-in cookie
/// (and the user's tokens in it) and the antiforgery tokens. Kept here, every instance of the console reads the
/// cookie another wrote; kept on each machine, a user would seem signed out whenever a request reached another.
/// </summary>
public sealed class ConsoleKeysDbContext(DbContextOptions<ConsoleKeysDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public const string ConnectionName = "webdb";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>Lets `dotnet ef` build the model without starting the console.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ConsoleKeysDbContext>
{
    public ConsoleKeysDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ConsoleKeysDbContext>().UseNpgsql("Host=localhost").Options);
}
