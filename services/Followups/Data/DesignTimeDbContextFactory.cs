using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Followups.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FollowupDbContext>
{
    public FollowupDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<FollowupDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
}
