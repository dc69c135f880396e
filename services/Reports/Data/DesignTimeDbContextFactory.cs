using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Reports.Data;

/// <summary>Lets `dotnet ef` build the model without starting the service.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ReportDbContext>
{
    public ReportDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ReportDbContext>().UseNpgsql("Host=localhost").Options, StoreScope.System);
}
