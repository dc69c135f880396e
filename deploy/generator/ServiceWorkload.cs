namespace Crm.Deploy;

/// <summary>
/// One HTTP service of the AppHost as Kubernetes runs it: a Deployment of stateless replicas behind a
/// Service, kept available through voluntary disruptions and scaled on CPU.
/// </summary>
public sealed class ServiceWorkload(AspireManifest manifest, HelmTemplate helm, Pods pods, EnvironmentMapping environment)
{
    /// <summary>The port every service answers on inside its container (the .NET images' default).</summary>
    public const int HttpPort = 8080;

    public static string ValuesPath(string name) => $".Values.services.{name}";

    public V1Deployment Deployment(ManifestResource service)
    {
        var env = environment.Map(service);
        var databases = env.Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            && manifest[e.Name["ConnectionStrings__".Length..]].Type == "value.v0").ToList();
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = pods.Metadata(service.Name),
            Spec = new V1DeploymentSpec
            {
                Replicas = helm.Number($"{ValuesPath(service.Name)}.replicas"),
                RevisionHistoryLimit = 5,
                Selector = new V1LabelSelector { MatchLabels = Pods.Selector(service.Name) },
                // One pod more during a rollout, never one fewer: the service keeps its capacity.
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "1", MaxUnavailable = "0" },
                },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = pods.Metadata(service.Name).Labels },
                    Spec = new V1PodSpec
                    {
                        AutomountServiceAccountToken = false,
                        TerminationGracePeriodSeconds = 30,
                        Affinity = SpreadOverNodes(service.Name),
                        InitContainers = databases.Count == 0 ? null : [WaitForMigrations(databases)],
                        Containers =
                        [
                            new V1Container
                            {
                                Name = service.Name,
                                Image = pods.ProjectImage(service.Name),
                                ImagePullPolicy = pods.PullPolicy(),
                                Ports = [new V1ContainerPort { Name = "http", ContainerPort = HttpPort, Protocol = "TCP" }],
                                Env = env,
                                // /alive: the process answers; /health: its database and broker answer too.
                                StartupProbe = Probe("/alive", periodSeconds: 2, failureThreshold: 60),
                                LivenessProbe = Probe("/alive", periodSeconds: 10, failureThreshold: 3),
                                ReadinessProbe = Probe("/health", periodSeconds: 5, failureThreshold: 3),
                                Resources = pods.Resources(ValuesPath(service.Name)),
                                SecurityContext = Pods.Restricted(),
                            },
                        ],
                    },
                },
            },
        };
    }

    public V1Service Service(ManifestResource service) => pods.ClusterService(service.Name, "http", HttpPort);

    /// <summary>A node drain or cluster upgrade leaves at least one replica answering.</summary>
    public V1PodDisruptionBudget DisruptionBudget(ManifestResource service) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = pods.Metadata(service.Name),
        Spec = new V1PodDisruptionBudgetSpec { MinAvailable = 1, Selector = new V1LabelSelector { MatchLabels = Pods.Selector(service.Name) } },
    };

    public V2HorizontalPodAutoscaler Autoscaler(ManifestResource service) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = pods.Metadata(service.Name),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = service.Name },
            MinReplicas = helm.Number($"{ValuesPath(service.Name)}.replicas"),
            MaxReplicas = helm.Number($"{ValuesPath(service.Name)}.maxReplicas"),
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = helm.Number(".Values.autoscaling.cpuUtilization") },
                    },
                },
            ],
        },
    };

    /// <summary>The setup image waits until the setup Job has migrated this service's databases.</summary>
    private V1Container WaitForMigrations(IList<V1EnvVar> databases) => new()
    {
        Name = "wait-for-migrations",
        Image = pods.ProjectImage("setup"),
        ImagePullPolicy = pods.PullPolicy(),
        Args = ["--wait-for-migrations"],
        Env = databases,
        Resources = Pods.Small(),
        SecurityContext = Pods.Restricted(),
    };

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 3,
        FailureThreshold = failureThreshold,
    };

    /// <summary>Replicas prefer different nodes, so that losing one node leaves the service running.</summary>
    private static V1Affinity SpreadOverNodes(string name) => new()
    {
        PodAntiAffinity = new V1PodAntiAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution =
            [
                new V1WeightedPodAffinityTerm
                {
                    Weight = 100,
                    PodAffinityTerm = new V1PodAffinityTerm { TopologyKey = "kubernetes.io/hostname", LabelSelector = new V1LabelSelector { MatchLabels = Pods.Selector(name) } },
                },
            ],
        },
    };
}
