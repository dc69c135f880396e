namespace Crm.Deploy;

/// <summary>
/// A server the AppHost runs as a container (PostgreSQL, RabbitMQ) as a one-pod StatefulSet with its
/// own volume: enough for a trial. Production points the connection strings at managed services or
/// an operator's cluster instead (values: servers.NAME.inCluster=false), see the README.
/// </summary>
public sealed class BackingServer(HelmTemplate helm, Pods pods, EnvironmentMapping environment)
{
    public static string ValuesPath(string name) => $".Values.servers.{name}";

    public V1StatefulSet StatefulSet(ManifestResource server)
    {
        var port = server.TargetPorts.Values.Single();
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = pods.Metadata(server.Name),
            Spec = new V1StatefulSetSpec
            {
                ServiceName = server.Name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = Pods.Selector(server.Name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = pods.Metadata(server.Name).Labels },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        Containers =
                        [
                            new V1Container
                            {
                                Name = server.Name,
                                Image = helm.Text($"{ValuesPath(server.Name)}.image"),
                                Ports = [new V1ContainerPort { Name = "server", ContainerPort = port, Protocol = "TCP" }],
                                Env = environment.Map(server),
                                ReadinessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "server" }, PeriodSeconds = 5 },
                                LivenessProbe = new V1Probe { TcpSocket = new V1TCPSocketAction { Port = "server" }, PeriodSeconds = 20, FailureThreshold = 6, InitialDelaySeconds = 30 },
                                Resources = pods.Resources(ValuesPath(server.Name)),
                                VolumeMounts = server.VolumeTargets.Select(target => new V1VolumeMount { Name = "data", MountPath = target }).ToList(),
                            },
                        ],
                    },
                },
                VolumeClaimTemplates = server.VolumeTargets.Count == 0 ? null :
                [
                    new V1PersistentVolumeClaim
                    {
                        Metadata = new V1ObjectMeta { Name = "data" },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements { Requests = helm.Block($"{ValuesPath(server.Name)}.storage", new ResourceQuantity("0")) },
                        },
                    },
                ],
            },
        };
    }

    public V1Service Service(ManifestResource server) => pods.ClusterService(server.Name, "server", server.TargetPorts.Values.Single());
}
