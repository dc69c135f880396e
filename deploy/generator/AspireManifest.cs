namespace Crm.Deploy;

/// <summary>One resource of the AppHost's manifest (<c>--publisher manifest</c>): what the chart is made from.</summary>
public sealed record ManifestResource(
    string Name,
    string Type,
    string? Image,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<string> Bindings,
    IReadOnlyDictionary<string, int> TargetPorts,
    IReadOnlyList<string> VolumeTargets,
    bool External,
    bool Secret)
{
    public bool IsProject => Type == "project.v0";
    public bool IsContainer => Type == "container.v0";
    public bool IsParameter => Type == "parameter.v0";
    /// <summary>A project that answers HTTP runs as a Deployment; one without (the setup step) runs once, as a Job.</summary>
    public bool IsHttpService => IsProject && Bindings.Contains("http");
}

public sealed class AspireManifest(IReadOnlyList<ManifestResource> resources)
{
    public IReadOnlyList<ManifestResource> Resources { get; } = resources;

    public ManifestResource this[string name] =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"The manifest has no resource '{name}'.");

    public IEnumerable<ManifestResource> HttpServices => Resources.Where(r => r.IsHttpService);
    public IEnumerable<ManifestResource> Jobs => Resources.Where(r => r.IsProject && !r.IsHttpService);
    public IEnumerable<ManifestResource> Containers => Resources.Where(r => r.IsContainer);

    public static AspireManifest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var resources = new List<ManifestResource>();
        foreach (var property in document.RootElement.GetProperty("resources").EnumerateObject())
        {
            var r = property.Value;
            var environment = r.TryGetProperty("env", out var env)
                ? env.EnumerateObject().Select(e => KeyValuePair.Create(e.Name, e.Value.GetString() ?? "")).ToList()
                : [];
            var bindings = new List<string>();
            var ports = new Dictionary<string, int>();
            var external = false;
            if (r.TryGetProperty("bindings", out var b))
            {
                foreach (var binding in b.EnumerateObject())
                {
                    bindings.Add(binding.Name);
                    if (binding.Value.TryGetProperty("targetPort", out var port)) ports[binding.Name] = port.GetInt32();
                    external |= binding.Value.TryGetProperty("external", out var e) && e.GetBoolean();
                }
            }
            var volumes = r.TryGetProperty("volumes", out var v) ? v.EnumerateArray().Select(x => x.GetProperty("target").GetString()!).ToList() : [];
            var secret = r.TryGetProperty("inputs", out var inputs)
                && inputs.EnumerateObject().Any(i => i.Value.TryGetProperty("secret", out var s) && s.GetBoolean());
            resources.Add(new ManifestResource(
                property.Name, r.GetProperty("type").GetString()!, r.TryGetProperty("image", out var image) ? image.GetString() : null,
                environment, bindings, ports, volumes, external, secret));
        }
        return new AspireManifest(resources);
    }
}
