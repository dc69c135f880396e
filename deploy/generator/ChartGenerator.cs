namespace Crm.Deploy;

/// <summary>The Helm chart's files (path under the chart → text) made from the AppHost's manifest.</summary>
public static class ChartGenerator
{
    public const string Header = "# Generated from the AppHost's manifest by deploy/generator (eng/chart). Change those, not this file.\n";

    public static SortedDictionary<string, string> Generate(AspireManifest manifest)
    {
        var helm = new HelmTemplate();
        var pods = new Pods(helm);
        var environment = new EnvironmentMapping(manifest, helm);
        var workloads = new ServiceWorkload(manifest, helm, pods, environment);
        var servers = new BackingServer(helm, pods, environment);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Chart.yaml"] = ChartFiles.Chart,
            ["values.yaml"] = ChartFiles.Values(manifest),
            [".helmignore"] = ChartFiles.HelmIgnore,
            ["templates/NOTES.txt"] = ChartFiles.Notes,
        };

        foreach (var service in manifest.HttpServices)
        {
            var dir = $"templates/{service.Name}";
            files[$"{dir}/deployment.yaml"] = Template(helm, workloads.Deployment(service));
            files[$"{dir}/service.yaml"] = Template(helm, workloads.Service(service));
            files[$"{dir}/poddisruptionbudget.yaml"] = Template(helm, workloads.DisruptionBudget(service));
            files[$"{dir}/horizontalpodautoscaler.yaml"] = Template(helm, workloads.Autoscaler(service), ".Values.autoscaling.enabled");
            if (service.External) files[$"{dir}/ingress.yaml"] = Template(helm, new GatewayIngress(helm, pods).Ingress(service), ".Values.ingress.enabled");
        }
        foreach (var job in manifest.Jobs)
        {
            files[$"templates/{job.Name}/job.yaml"] = Template(helm, new SetupJob(helm, pods, environment).Job(job));
        }
        foreach (var server in manifest.Containers)
        {
            var inCluster = $"{BackingServer.ValuesPath(server.Name)}.inCluster";
            files[$"templates/{server.Name}/statefulset.yaml"] = Template(helm, servers.StatefulSet(server), inCluster);
            files[$"templates/{server.Name}/service.yaml"] = Template(helm, servers.Service(server), inCluster);
        }
        return files;
    }

    private static string Template(HelmTemplate helm, object kubernetesObject, string? condition = null)
    {
        var yaml = helm.Render(kubernetesObject);
        // Under a condition the header goes inside it too: a template that renders nothing is left out by Helm.
        return condition is null ? Header + yaml : $"{{{{- if {condition} }}}}\n{Header}{yaml}{{{{- end }}}}\n";
    }
}
