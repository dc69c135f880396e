using System.Text.RegularExpressions;

namespace Crm.Deploy;

/// <summary>
/// A manifest's environment in Kubernetes terms: literals stay, connection strings and secret parameters
/// come from the credentials Secret, another service's address becomes its in-cluster Service.
/// An expression nothing here understands stops the generator rather than leaving a placeholder behind.
/// </summary>
public sealed partial class EnvironmentMapping(AspireManifest manifest, HelmTemplate helm)
{
    public IList<V1EnvVar> Map(ManifestResource resource)
    {
        var env = new List<V1EnvVar>();
        foreach (var (name, value) in resource.Environment)
        {
            if (IsConnectionPart(resource, name)) continue;
            if (Map(name, value) is { } mapped) env.Add(mapped);
        }
        if (resource.IsProject) env.Add(new V1EnvVar { Name = "OTEL_SERVICE_NAME", Value = resource.Name });
        return env;
    }

    /// <summary>Settings an operator chooses per installation: read from values.yaml, whatever the AppHost published.</summary>
    public static readonly IReadOnlyDictionary<string, string> FromValues = new Dictionary<string, string>
    {
        ["Messaging__QuorumQueues"] = ".Values.messaging.quorumQueues",
    };

    private V1EnvVar? Map(string name, string value)
    {
        if (FromValues.TryGetValue(name, out var setting)) return new V1EnvVar { Name = name, Value = helm.Text(setting) };
        if (!value.Contains('{')) return new V1EnvVar { Name = name, Value = value };
        if (name == "HTTP_PORTS") return new V1EnvVar { Name = name, Value = ServiceWorkload.HttpPort.ToString() };
        if (Reference().Match(value) is { Success: true } reference)
        {
            var (target, property) = (reference.Groups[1].Value, reference.Groups[2].Value);
            if (property == "connectionString" && name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)) return FromCredentials(name, target);
            if (property == "value" && manifest[target].IsParameter) return FromCredentials(name, target);
            if (property == "bindings.http.url" && manifest[target].IsHttpService)
                return new V1EnvVar { Name = name, Value = $"http://{target}:{ServiceWorkload.HttpPort}" };
            // Inside the cluster services talk plain http; TLS ends at the Ingress.
            if (property == "bindings.https.url") return null;
        }
        throw new InvalidOperationException($"No Kubernetes form for the variable {name}={value}.");
    }

    /// <summary>
    /// Aspire also hands out each part of another resource's connection (CUSTOMERDB_HOST, MESSAGING_URI, …);
    /// the services read only their connection strings, so the parts are left out.
    /// </summary>
    private bool IsConnectionPart(ManifestResource resource, string name) =>
        ConnectionPart().Match(name) is { Success: true } part
        && part.Groups[1].Value.ToLowerInvariant() is var owner
        && owner != resource.Name
        && manifest.Resources.Any(r => r.Name == owner);

    private V1EnvVar FromCredentials(string name, string key) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = helm.Text(".Values.credentials.secretName"), Key = key } },
    };

    /// <summary>A manifest expression naming one resource's property: <c>{customerdb.connectionString}</c>.</summary>
    [GeneratedRegex(@"^\{([a-z0-9-]+)\.([a-zA-Z.]+)\}$")]
    internal static partial Regex Reference();

    [GeneratedRegex(@"^([A-Z0-9]+)_(HOST|PORT|USERNAME|PASSWORD|URI|JDBCCONNECTIONSTRING|DATABASENAME)$")]
    private static partial Regex ConnectionPart();
}
