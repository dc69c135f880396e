using System.Net.Sockets;
using RabbitMQ.Client;

namespace Crm.Messaging;

/// <summary>
/// How a service reaches RabbitMQ and which kind of queue it declares ("Messaging" section).
/// </summary>
public sealed class BrokerOptions
{
    /// <summary>
    /// Quorum queues, replicated across the cluster's nodes, for the service's queues and their _error and
    /// _skipped queues; classic queues when off (a single local node). A queue keeps the type it was declared
    /// with: switching an installation over is an operator's step (README, "RabbitMQ as a cluster, with quorum queues").
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
    /// With a heartbeat, the connection's socket also gives up data the node has not acknowledged within
    /// three beats (TCP_USER_TIMEOUT, Linux): under load, a write to a silent node otherwise blocks for
    /// good, and with it every publish on that connection, heartbeat or not.
    /// </summary>
    public TimeSpan? Heartbeat { get; set; }

    public IReadOnlyList<string> Nodes =>
        ClusterNodes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public void ApplyTo(IRabbitMqHostConfigurator host)
    {
        if (Nodes.Count > 0) host.UseCluster(cluster => { foreach (var node in Nodes) cluster.Node(node); });
        if (Heartbeat is { } heartbeat)
        {
            host.Heartbeat(heartbeat);
            host.OnRefreshConnectionFactory = factory =>
            {
                factory.SocketFactory = family => SocketGivingUpAfter(family, heartbeat * 3);
                return Task.CompletedTask;
            };
        }
    }

    private const int IpProtocolTcp = 6;
    private const int TcpUserTimeout = 18;

    private static ITcpClient SocketGivingUpAfter(AddressFamily family, TimeSpan unacknowledged)
    {
        var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (OperatingSystem.IsLinux())
            socket.SetRawSocketOption(IpProtocolTcp, TcpUserTimeout, BitConverter.GetBytes((int)unacknowledged.TotalMilliseconds));
        return new TcpClientAdapter(socket);
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
