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
            [postgres, rabbit])
        {
            // What the chart is made from: in Kubernetes a broker node is lost silently (its machine or network
            // goes), and a connection to it is given up after two missed beats (README, "RabbitMQ as a cluster").
            MessagingSettings = [new("Messaging__Heartbeat", ReferenceExpression.Create($"00:00:10"))],
        };
    }
}
