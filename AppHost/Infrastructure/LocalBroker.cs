using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Crm.AppHost.Infrastructure;

/// <summary>
/// RabbitMQ from the machine's package, run by eng/local/rabbitmq.sh: one node, or with Infra:BrokerNodes=3 a
/// cluster of three on this machine (README, "RabbitMQ as a cluster"). Each node of a cluster has a loopback address
/// of its own (127.0.0.N), the name crmN@127.0.0.N and a shared Erlang cookie; they share one epmd, and every node
/// after the first joins the first one's cluster on its first start. The services are given every node.
/// </summary>
public sealed record LocalBroker(
    ReferenceExpression ConnectionString,
    IReadOnlyList<IResourceBuilder<IResource>> Nodes,
    IReadOnlyList<KeyValuePair<string, ReferenceExpression>> Settings)
{
    public const string NodesSetting = "Infra:BrokerNodes";

    public bool Clustered => Nodes.Count > 1;

    public static LocalBroker Add(IDistributedApplicationBuilder builder, string repoRoot, string dataDir, IResourceBuilder<ParameterResource> password)
    {
        var count = builder.Configuration.GetValue(NodesSetting, 1);
        if (count is < 1 or > 9) throw new InvalidOperationException($"{NodesSetting} is {count}: a local broker has 1 to 9 nodes (3 for a cluster).");
        return count == 1 ? SingleNode(builder, repoRoot, dataDir, password) : Cluster(builder, repoRoot, dataDir, password, count);
    }

    private static LocalBroker SingleNode(IDistributedApplicationBuilder builder, string repoRoot, string dataDir, IResourceBuilder<ParameterResource> password)
    {
        var node = Node(builder, repoRoot, dataDir, "rabbitmq", password)
            .WithEndpoint(name: "epmd", scheme: "tcp", env: "RABBIT_EPMD_PORT", isProxied: false);
        var amqp = node.GetEndpoint("amqp");
        var uri = ReferenceExpression.Create($"amqp://crm:{password}@{amqp.Property(EndpointProperty.Host)}:{amqp.Property(EndpointProperty.Port)}/");
        builder.Services.AddHealthChecks().AddAsyncCheck("rabbitmq-ready", ct => Answers(uri, joinedMark: null, ct));
        return new LocalBroker(uri, [node.WithHealthCheck("rabbitmq-ready")], []);
    }

    private static LocalBroker Cluster(IDistributedApplicationBuilder builder, string repoRoot, string dataDir, IResourceBuilder<ParameterResource> password, int count)
    {
        var cookie = builder.AddParameter("rabbitmq-cookie", LocalSecret.ReadOrCreate(dataDir, "rabbitmq-cookie"), secret: true);
        var addresses = Enumerable.Range(1, count).Select(i => $"127.0.0.{i}").ToList();
        var epmd = builder.AddExecutable("rabbitmq-epmd", "bash", repoRoot, Path.Combine(repoRoot, "eng/local/epmd.sh"))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "EPMD_PORT", isProxied: false)
            .WithEnvironment("EPMD_ADDRESSES", string.Join(',', addresses));
        var epmdPort = epmd.GetEndpoint("tcp").Property(EndpointProperty.Port);
        const string firstNode = "crm1@127.0.0.1";

        List<IResourceBuilder<IResource>> nodes = [epmd];
        List<ReferenceExpression> members = [];
        ReferenceExpression? firstUri = null;
        for (var i = 1; i <= count; i++)
        {
            // Folders of their own: a node's name is written in its database, so a single node's folder ("rabbitmq") is never reused.
            var name = $"rabbitmq-{i}";
            var address = addresses[i - 1];
            var nodeName = $"crm{i}@{address}";
            var node = Node(builder, repoRoot, dataDir, name, password)
                .WithEnvironment("RABBIT_NODE_NAME", nodeName)
                .WithEnvironment("RABBIT_ADDRESS", address)
                .WithEnvironment("RABBIT_COOKIE", cookie)
                .WithEnvironment("RABBIT_EPMD_PORT", ReferenceExpression.Create($"{epmdPort}"))
                .WithEnvironment("RABBIT_EPMD_EXTERNAL", "1")
                .WaitFor(epmd);
            if (i > 1) node.WithEnvironment("RABBIT_JOIN", firstNode);
            var port = node.GetEndpoint("amqp").Property(EndpointProperty.Port);
            var uri = ReferenceExpression.Create($"amqp://crm:{password}@{address}:{port}/");
            var joined = i == 1 ? null : Path.Combine(dataDir, name, "joined");
            builder.Services.AddHealthChecks().AddAsyncCheck($"{name}-ready", ct => Answers(uri, joined, ct));
            nodes.Add(node.WithHealthCheck($"{name}-ready"));
            members.Add(ReferenceExpression.Create($"{address}:{port}"));
            firstUri ??= uri;
        }

        var clusterNodes = new ReferenceExpressionBuilder();
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0) clusterNodes.AppendLiteral(",");
            clusterNodes.Append($"{members[i]}");
        }
        return new LocalBroker(firstUri!, nodes,
        [
            new("Messaging__ClusterNodes", clusterNodes.Build()),
            // A node cut off without closing its connections is given up within 20 s.
            new("Messaging__Heartbeat", ReferenceExpression.Create($"00:00:10")),
        ]);
    }

    private static IResourceBuilder<ExecutableResource> Node(IDistributedApplicationBuilder builder, string repoRoot, string dataDir, string name, IResourceBuilder<ParameterResource> password) =>
        builder.AddExecutable(name, "bash", repoRoot, Path.Combine(repoRoot, "eng/local/rabbitmq.sh"))
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBIT_PORT", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBIT_DIST_PORT", isProxied: false)
            .WithEnvironment("RABBIT_DATA", Path.Combine(dataDir, name))
            .WithEnvironment("RABBIT_USER", "crm")
            .WithEnvironment("RABBIT_PASSWORD", password);

    /// <summary>The node takes AMQP connections, and (a cluster's further node) has joined the cluster.</summary>
    private static async Task<HealthCheckResult> Answers(ReferenceExpression uri, string? joinedMark, CancellationToken cancellationToken)
    {
        if (joinedMark is not null && !File.Exists(joinedMark)) return HealthCheckResult.Unhealthy("The node has not joined the cluster yet");
        try
        {
            var factory = new ConnectionFactory { Uri = new Uri((await uri.GetValueAsync(cancellationToken))!) };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ does not answer yet", ex);
        }
    }
}
