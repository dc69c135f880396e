namespace Crm.SystemTests.Cluster;

/// <summary>
/// A local installation of its own whose broker is a cluster of three RabbitMQ nodes on this machine
/// (Infra:BrokerNodes=3: nodes crm1@127.0.0.1 … crm3@127.0.0.3, one data folder each, rabbitmq-1 … rabbitmq-3),
/// with quorum queues. Its nodes are stopped and cut off by the tests, so no other test shares it.
/// </summary>
public sealed class BrokerClusterFixture : SystemFixture
{
    public const int Nodes = 3;

    public static string Address(int node) => $"127.0.0.{node}";

    public static string NodeName(int node) => $"crm{node}@{Address(node)}";

    public static string Resource(int node) => $"rabbitmq-{node}";

    /// <summary>The further nodes start and join one after the other before any service starts.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(8);

    protected override IEnumerable<string> Arguments => [$"--Infra:BrokerNodes={Nodes}"];
}

[CollectionDefinition(Name)]
public sealed class BrokerClusterCollection : ICollectionFixture<BrokerClusterFixture>
{
    public const string Name = "broker-cluster";
}
