using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Contracts.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ContractDbContext>
{
    public ContractDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ContractDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
}
