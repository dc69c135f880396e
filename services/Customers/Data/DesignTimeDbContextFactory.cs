using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Customers.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CustomerDbContext>
{
    public CustomerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CustomerDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
}
