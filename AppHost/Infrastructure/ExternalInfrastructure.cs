namespace Crm.AppHost.Infrastructure;

/// <summary>Servers run elsewhere: ConnectionStrings:customerdb, … and ConnectionStrings:messaging come from configuration.</summary>
public static class ExternalInfrastructure
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder) => new(
        name => builder.AddConnectionString(name),
        builder.AddConnectionString("messaging"),
        []);
}
