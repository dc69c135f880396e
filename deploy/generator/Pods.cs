namespace Crm.Deploy;

/// <summary>What every pod of ours shares: labels, the image of a project, a locked-down security context.</summary>
public sealed class Pods(HelmTemplate helm)
{
    public const string PartOf = "crm";

    /// <summary>The labels a selector matches on; they never change for the life of a Deployment.</summary>
    public static Dictionary<string, string> Selector(string name) => new()
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = PartOf,
    };

    public V1ObjectMeta Metadata(string name) => new()
    {
        Name = name,
        Labels = new Dictionary<string, string>(Selector(name))
        {
            ["app.kubernetes.io/instance"] = helm.Text(".Release.Name"),
            ["app.kubernetes.io/version"] = helm.Text(".Chart.AppVersion"),
            ["app.kubernetes.io/managed-by"] = helm.Text(".Release.Service"),
        },
    };

    /// <summary>A ClusterIP Service in front of the pods of that name: reachable inside the cluster only.</summary>
    public V1Service ClusterService(string name, string portName, int port) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(name),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = Selector(name),
            Ports = [new V1ServicePort { Name = portName, Port = port, TargetPort = portName, Protocol = "TCP" }],
        },
    };

    /// <summary>The container image of a project, built by <c>dotnet publish /t:PublishContainer</c> (eng/images).</summary>
    public string ProjectImage(string name) =>
        helm.Text($"printf \"%s/crm-{name}:%s\" .Values.image.registry (.Values.image.tag | default .Chart.AppVersion)");

    public string PullPolicy() => helm.Text(".Values.image.pullPolicy");

    /// <summary>The .NET images run as their own unprivileged user.</summary>
    public static V1SecurityContext Restricted() => new()
    {
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    /// <summary>Resources a service's values set, as requests and limits.</summary>
    public V1ResourceRequirements Resources(string valuesPath) => new()
    {
        Requests = helm.Block($"{valuesPath}.resources.requests", new ResourceQuantity("0")),
        Limits = helm.Block($"{valuesPath}.resources.limits", new ResourceQuantity("0")),
    };

    /// <summary>Small fixed resources for a short helper container (waiting for migrations).</summary>
    public static V1ResourceRequirements Small() => new()
    {
        Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("50m"), ["memory"] = new("128Mi") },
        Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("500m"), ["memory"] = new("256Mi") },
    };
}
