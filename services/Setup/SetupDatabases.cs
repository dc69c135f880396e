using Crm.Contracts.Data;
using Crm.Customers.Data;
using Crm.Dispatch.Data;
using Crm.Followups.Data;
using Crm.Reports.Data;
using Crm.Partners.Data;
using Crm.Gateway;
using Crm.Gateway.Data;
using Crm.Web.Data;

namespace Crm.Setup;

public static class SetupDatabases
{
    /// <summary>Every service's database as the system itself (no caller, every store), by the connection strings the services use.</summary>
    public static IHostApplicationBuilder AddSetupDatabases(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(StoreScope.System);
        services.AddDbContext<CustomerDbContext>(Npgsql(builder, "customerdb"));
        services.AddDbContext<DispatchDbContext>(Npgsql(builder, "dispatchdb"));
        services.AddDbContext<ContractDbContext>(Npgsql(builder, "contractdb"));
        services.AddDbContext<FollowupDbContext>(Npgsql(builder, "followupdb"));
        services.AddDbContext<ReportDbContext>(Npgsql(builder, "reportdb"));
        services.AddDbContext<PartnerDbContext>(Npgsql(builder, "partnerdb"));
        services.AddDbContext<GatewayDbContext>(Npgsql(builder, "gatewaydb"));
        services.AddDbContext<ConsoleKeysDbContext>(Npgsql(builder, ConsoleKeysDbContext.ConnectionName));
        services.AddStaffAccounts();
        services.AddOptions<DemoOptions>().BindConfiguration("Seed");
        services.AddSingleton<ChainSetup>();
        services.AddSingleton<MigrationsWait>();
        return builder;
    }

    /// <summary>Each database by the name of its connection string.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByConnectionName = new Dictionary<string, Type>
    {
        ["customerdb"] = typeof(CustomerDbContext), ["dispatchdb"] = typeof(DispatchDbContext), ["contractdb"] = typeof(ContractDbContext),
        ["followupdb"] = typeof(FollowupDbContext), ["reportdb"] = typeof(ReportDbContext), ["partnerdb"] = typeof(PartnerDbContext),
        ["gatewaydb"] = typeof(GatewayDbContext), [ConsoleKeysDbContext.ConnectionName] = typeof(ConsoleKeysDbContext),
    };

    /// <summary>The services whose stores are spread over shards (partners, the gateway and the console keep the chain's own records).</summary>
    private static readonly string[] Sharded = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb"];

    /// <summary>
    /// Every database to migrate, by its connection string name: each service's own, and for each further shard that
    /// "Database:Shards" names, each sharded service's database there ("customerdb-east"), of the same schema.
    /// </summary>
    public static IEnumerable<(string Name, Type Context)> Databases(IConfiguration configuration)
    {
        foreach (var (name, context) in ByConnectionName) yield return (name, context);
        foreach (var shard in DatabaseShards.NamesIn(configuration))
            foreach (var name in Sharded)
                yield return (DatabaseShards.ConnectionNameOf(name, shard), ByConnectionName[name]);
    }

    /// <summary>The database's context, opened on the connection string of that name.</summary>
    public static DbContext Open(IServiceProvider services, IConfiguration configuration, string name, Type context)
    {
        var db = (DbContext)services.GetRequiredService(context);
        db.Database.SetConnectionString(configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"The connection string '{name}' is not configured ({DatabaseShards.Setting} names its shard)."));
        return db;
    }

    private static Action<DbContextOptionsBuilder> Npgsql(IHostApplicationBuilder builder, string name) => options =>
        options.UseNpgsql(builder.Configuration.GetConnectionString(name)
            ?? throw new InvalidOperationException($"The connection string '{name}' is not configured."));
}

public sealed class DemoOptions
{
    /// <summary>Development only: the demo chain of api.md (stores SH01 and SH02, their staff and designers).</summary>
    public bool Demo { get; set; }
    public string StorePassword { get; set; } = "Store#2026";
}
