namespace Crm.Deploy.Tests;

/// <summary>The chart as <c>helm template</c> renders it with a given set of values, as text and as Kubernetes objects.</summary>
public sealed class RenderedChart
{
    private RenderedChart(string yaml, IReadOnlyList<IKubernetesObject> objects) => (Yaml, Objects) = (yaml, objects);

    public string Yaml { get; }
    public IReadOnlyList<IKubernetesObject> Objects { get; }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public static async Task<RenderedChart> RenderAsync(params string[] settings)
    {
        var arguments = new List<string> { "template", "crm", Repository.Chart, "--namespace", "crm" };
        foreach (var setting in settings) arguments.AddRange(["--set", setting]);
        var (exitCode, output, errors) = await Repository.RunAsync(Repository.Helm, arguments);
        Assert.True(exitCode == 0, $"helm template failed: {errors}");
        // Strict: a field the Kubernetes types do not know (a typo, a wrong level) fails here.
        var objects = KubernetesYaml.LoadAllFromString(output, strict: true).Cast<IKubernetesObject>().ToList();
        return new RenderedChart(output, objects);
    }

    /// <summary>Every container of a pod template: init containers, then the main ones.</summary>
    public static IEnumerable<V1Container> Containers(V1PodSpec pod) => (pod.InitContainers ?? []).Concat(pod.Containers);
}

/// <summary>The chart rendered once with its default values, shared by a test class.</summary>
public sealed class DefaultChart : IAsyncLifetime
{
    public RenderedChart Chart { get; private set; } = null!;

    public async Task InitializeAsync() => Chart = await RenderedChart.RenderAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
