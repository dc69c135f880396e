namespace Crm.Deploy.Tests;

/// <summary>deploy/chart is generated, never edited: regenerating it from today's AppHost gives the same files.</summary>
public sealed class ChartIsCurrentTests
{
    [Fact]
    public async Task The_committed_chart_is_exactly_what_the_generator_makes_of_the_apphost_manifest()
    {
        var work = Directory.CreateTempSubdirectory("crm-manifest-");
        try
        {
            var manifestPath = Path.Combine(work.FullName, "aspire-manifest.json");
            var (exitCode, output, errors) = await Repository.RunAsync("dotnet",
                ["run", "--project", "AppHost/Crm.AppHost.csproj", "--no-build", "--no-launch-profile", "--", "--publisher", "manifest", "--output-path", manifestPath],
                new Dictionary<string, string> { ["Infra__Mode"] = "containers" });
            Assert.True(exitCode == 0, $"Publishing the manifest failed: {output}\n{errors}");

            var generated = ChartGenerator.Generate(AspireManifest.Parse(await File.ReadAllTextAsync(manifestPath)));
            var committed = Directory.EnumerateFiles(Repository.Chart, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(Repository.Chart, f).Replace('\\', '/'), File.ReadAllText);

            var differing = generated.Keys.Union(committed.Keys)
                .Where(path => !generated.TryGetValue(path, out var text) || !committed.TryGetValue(path, out var file) || text != file)
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.True(differing.Count == 0, $"deploy/chart is not what the AppHost makes; run eng/chart and commit. Differing: {string.Join(", ", differing)}");
            Assert.Equal(42, committed.Count);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
