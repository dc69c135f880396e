namespace Crm.Messaging;

/// <summary>
/// How a service reaches RabbitMQ and which kind of queue it declares ("Messaging" section).
/// </summary>
public sealed class BrokerOptions
{
    /// <summary>
    /// Quorum queues, replicated across the cluster's nodes, for the service's queues and their _error and
    /// _skipped queues; classic queues when off (a single local node). A queue keeps the type it was declared
    /// with: switching an installation over is an operator's step (README, "Quorum queues").
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>
    /// The cluster's nodes as host:port, comma-separated, when the service reaches each node itself rather than
    /// through one address in front of them (a cluster on one machine); the connection moves to another node
    /// when its node goes. Empty: the host of the connection string "messaging" alone.
    /// </summary>
    public string? ClusterNodes { get; set; }

    /// <summary>
    /// How often the connection is checked both ways; a node that stops answering without closing the
    /// connection (lost network) is given up after two missed beats. Empty: the broker's offer.
    /// </summary>
    public TimeSpan? Heartbeat { get; set; }

    public IReadOnlyList<string> Nodes =>
        ClusterNodes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public void ApplyTo(IRabbitMqHostConfigurator host)
    {
        if (Nodes.Count > 0) host.UseCluster(cluster => { foreach (var node in Nodes) cluster.Node(node); });
        if (Heartbeat is { } heartbeat) host.Heartbeat(heartbeat);
    }

    /// <summary>The queue type of every queue the service declares: its consumers' queues, replay queue, _error and _skipped queues.</summary>
    public void ApplyTo(IRabbitMqBusFactoryConfigurator bus)
    {
        if (!QuorumQueues) return;
        bus.SendTopology.ConfigureErrorSettings = error => error.SetQuorumQueue();
        bus.SendTopology.ConfigureDeadLetterSettings = skipped => skipped.SetQuorumQueue();
    }

    public void ApplyTo(IReceiveEndpointConfigurator endpoint)
    {
        if (QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator queue) queue.SetQuorumQueue();
    }
}
