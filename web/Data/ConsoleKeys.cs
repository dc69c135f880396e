using Microsoft.AspNetCore.DataProtection;

namespace Crm.Web.Data;

public static class ConsoleKeys
{
    /// <summary>
    /// With a "webdb" connection string (the AppHost and the chart give one), the key ring lives in PostgreSQL and is
    /// shared by every instance; without one (a console run alone), ASP.NET Core's default per-machine ring is used.
    /// </summary>
    public static WebApplicationBuilder AddConsoleKeys(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConsoleKeysDbContext.ConnectionName))) return builder;
        builder.AddNpgsqlDbContext<ConsoleKeysDbContext>(ConsoleKeysDbContext.ConnectionName);
        builder.Services.AddDataProtection().SetApplicationName("crm-console").PersistKeysToDbContext<ConsoleKeysDbContext>();
        return builder;
    }
}
