namespace Crm.Deploy.Tests;

/// <summary>The offline checks of the chart: helm's own lint and the Kubernetes API's schemas.</summary>
public sealed class ChartValidationTests(DefaultChart rendered) : IClassFixture<DefaultChart>
{
    [Fact]
    public async Task Helm_lint_passes_in_strict_mode()
    {
        var (exitCode, output, errors) = await Repository.RunAsync(Repository.Helm, ["lint", "--strict", Repository.Chart]);

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("servers.postgres.inCluster=false servers.messaging.inCluster=false ingress.enabled=false autoscaling.enabled=false")]
    public async Task Every_rendered_object_validates_against_the_kubernetes_schemas(string settings)
    {
        var chart = await RenderedChart.RenderAsync(settings.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, chart.Yaml);
            var (exitCode, output, errors) = await Repository.RunAsync("node", [Repository.Validator, file]);

            Assert.True(exitCode == 0, output + errors);
            Assert.EndsWith($"{chart.Objects.Count} valid, 0 faults\n", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void No_placeholder_is_left_unresolved()
    {
        Assert.DoesNotContain("{{", rendered.Chart.Yaml);
        Assert.DoesNotContain("HELMTEXT", rendered.Chart.Yaml);
        Assert.DoesNotContain("HELMBLOCK", rendered.Chart.Yaml);
        Assert.DoesNotMatch(@"\b17\d{8}\b", rendered.Chart.Yaml);
        // The manifest's own expressions: {customerdb.connectionString}, {gateway.bindings.http.url}, {admin-password.value}.
        Assert.DoesNotMatch(@"\{[a-z0-9-]+\.(connectionString|bindings|value|inputs)", rendered.Chart.Yaml);
    }

    [Fact]
    public void The_default_values_render_every_part_of_the_system()
    {
        var kinds = rendered.Chart.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(new Dictionary<string, int>
        {
            ["Deployment"] = 8, ["Service"] = 10, ["PodDisruptionBudget"] = 8, ["HorizontalPodAutoscaler"] = 8,
            ["Ingress"] = 1, ["Job"] = 1, ["StatefulSet"] = 2,
        }, kinds);
    }
}
