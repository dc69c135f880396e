namespace Crm.AppHost.Infrastructure;

/// <summary>PostgreSQL and RabbitMQ in containers, with their data in volumes.</summary>
public static class ContainerInfrastructure
{
    public static ServiceInfrastructure Add(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("crm-postgres");
        var rabbit = builder.AddRabbitMQ("messaging").WithDataVolume("crm-rabbitmq");
        return new ServiceInfrastructure(
            name => postgres.AddDatabase(name),
            rabbit,
            [postgres, rabbit]);
    }
}
