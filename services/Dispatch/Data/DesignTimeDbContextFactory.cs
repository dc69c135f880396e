using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Dispatch.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DispatchDbContext>
{
    public DispatchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DispatchDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
}
