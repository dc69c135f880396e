using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Gateway.Data;

/// <summary>Lets `dotnet ef` build the model without starting the gateway.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GatewayDbContext>
{
    public GatewayDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GatewayDbContext>().UseNpgsql("Host=localhost").Options);
}
