using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Partners.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PartnerDbContext>
{
    public PartnerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PartnerDbContext>().UseNpgsql("Host=localhost").Options);
}
