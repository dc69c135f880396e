namespace Crm.Deploy;

/// <summary>The chart's files other than templates: Chart.yaml, values.yaml (with its advice), NOTES.txt.</summary>
public static class ChartFiles
{
    public const string Chart = """
        apiVersion: v2
        name: crm
        description: The customer resource system of a home-decoration chain, generated from its .NET Aspire AppHost.
        type: application
        version: 0.1.0
        appVersion: "1.0.0"

        """;

    public const string HelmIgnore = """
        .git/
        *.swp
        *.tmp

        """;

    public const string Notes = """
        The CRM is installed as release {{ .Release.Name }}.
        {{- if .Values.ingress.enabled }}
        Staff and partners reach the gateway (API, sign-in and the store console) at https://{{ .Values.ingress.host }}/
        {{- else }}
        No Ingress: reach the gateway with kubectl port-forward service/gateway 8080:8080
        {{- end }}
        Every pod reads the Secret {{ .Values.credentials.secretName }}; see the README, "Kubernetes".
        The setup Job of this revision (setup-{{ .Release.Revision }}) migrates the databases; the services start after it.

        """;

    /// <summary>The keys the credentials Secret must hold: every connection string and secret parameter the pods read.</summary>
    public static IReadOnlyList<string> CredentialKeys(AspireManifest manifest) => manifest.Resources
        .SelectMany(r => r.Environment)
        .Select(e => EnvironmentMapping.Reference().Match(e.Value))
        .Where(m => m.Success && (m.Groups[2].Value == "connectionString" || (m.Groups[2].Value == "value" && manifest[m.Groups[1].Value].IsParameter)))
        .Select(m => m.Groups[1].Value)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Values(AspireManifest manifest)
    {
        var values = new StringBuilder(ChartGenerator.Header);
        values.Append($"""
            # Images built by eng/images and pushed to a registry: REGISTRY/crm-customers:TAG, crm-setup, …
            image:
              registry: registry.example.com/crm
              # Empty: the chart's appVersion.
              tag: ""
              pullPolicy: IfNotPresent

            # The Secret every pod reads its connection strings and keys from. The chart never writes it:
            # create it before installing (README, "Kubernetes"), or let an operator such as External
            # Secrets keep it. Keys: {string.Join(", ", CredentialKeys(manifest))}.
            credentials:
              secretName: crm-credentials

            # Quorum queues, replicated across the RabbitMQ cluster's nodes, for every service's queues. A queue keeps
            # the type it was declared with: an installation with classic queues is switched over as the README's
            # "RabbitMQ as a cluster, with quorum queues" says, not by this value alone.
            messaging:
              quorumQueues: true

            autoscaling:
              enabled: true
              # Average CPU use, in per cent of the requests, above which a service gets another replica.
              cpuUtilization: 70

            # Only the gateway is reachable from outside; it serves the API, sign-in and the store console.
            ingress:
              enabled: true
              className: nginx
              host: crm.example.com
              tlsSecret: crm-tls
              annotations: {"{}"}

            # Stateless services: at least two replicas each, so that one pod's loss or a rollout stops nothing.
            services:

            """);
        foreach (var service in manifest.HttpServices)
        {
            values.Append($"""
                  {service.Name}:
                    replicas: 2
                    maxReplicas: 6
                    resources:
                      requests: {"{"}cpu: 100m, memory: 256Mi{"}"}
                      limits: {"{"}cpu: "1", memory: 512Mi{"}"}

                """);
        }
        values.Append("""

            # Run once per release revision.
            jobs:

            """);
        foreach (var job in manifest.Jobs)
        {
            values.Append($"""
                  {job.Name}:
                    resources:
                      requests: {"{"}cpu: 100m, memory: 256Mi{"}"}
                      limits: {"{"}cpu: "1", memory: 512Mi{"}"}

                """);
        }
        values.Append("""

            # PostgreSQL and RabbitMQ inside the cluster, one pod each: for a trial. In production set
            # inCluster: false and point the connection strings in the credentials Secret at managed
            # services or an operator's cluster (README, "Kubernetes").
            servers:

            """);
        foreach (var server in manifest.Containers)
        {
            values.Append($"""
                  {server.Name}:
                    inCluster: true
                    image: {server.Image}
                    storage: {"{"}storage: 20Gi{"}"}
                    resources:
                      requests: {"{"}cpu: 250m, memory: 512Mi{"}"}
                      limits: {"{"}cpu: "2", memory: 2Gi{"}"}

                """);
        }
        return values.ToString();
    }
}
