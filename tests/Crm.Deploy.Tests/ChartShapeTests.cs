namespace Crm.Deploy.Tests;

/// <summary>What the rendered chart promises operators: one way in, two replicas, probes and limits, secrets kept secret.</summary>
public sealed class ChartShapeTests(DefaultChart rendered) : IClassFixture<DefaultChart>
{
    private static readonly string[] StatelessServices = ["contracts", "customers", "dispatch", "followups", "gateway", "partners", "reports", "web"];

    [Fact]
    public void Only_the_gateway_is_reachable_from_outside()
    {
        var ingress = Assert.Single(rendered.Chart.OfType<V1Ingress>());
        var backends = ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service.Name).Distinct();

        Assert.Equal(["gateway"], backends);
        Assert.All(rendered.Chart.OfType<V1Service>(), service => Assert.Equal("ClusterIP", service.Spec.Type));
        Assert.DoesNotContain(rendered.Chart.OfType<V1Deployment>(), d => d.Spec.Template.Spec.HostNetwork == true);
        Assert.DoesNotContain(rendered.Chart.OfType<V1Deployment>(), d => d.Spec.Template.Spec.Containers.Any(c => c.Ports.Any(p => p.HostPort is not null)));
    }

    [Fact]
    public void Every_stateless_service_runs_at_least_two_replicas()
    {
        var deployments = rendered.Chart.OfType<V1Deployment>().ToList();
        var autoscalers = rendered.Chart.OfType<V2HorizontalPodAutoscaler>().ToDictionary(h => h.Spec.ScaleTargetRef.Name);

        Assert.Equal(StatelessServices, deployments.Select(d => d.Metadata.Name).Order(StringComparer.Ordinal));
        Assert.All(deployments, d =>
        {
            Assert.Equal(2, d.Spec.Replicas);
            Assert.Equal(2, autoscalers[d.Metadata.Name].Spec.MinReplicas);
            Assert.Equal(6, autoscalers[d.Metadata.Name].Spec.MaxReplicas);
            Assert.Equal(0, int.Parse(d.Spec.Strategy.RollingUpdate.MaxUnavailable.Value));
        });
        Assert.All(rendered.Chart.OfType<V1PodDisruptionBudget>(), b => Assert.Equal("1", b.Spec.MinAvailable.Value));
    }

    [Fact]
    public void Every_container_has_probes_and_resource_requests_and_limits()
    {
        var pods = rendered.Chart.OfType<V1Deployment>().Select(d => d.Spec.Template.Spec)
            .Concat(rendered.Chart.OfType<V1StatefulSet>().Select(s => s.Spec.Template.Spec))
            .ToList();
        var jobs = rendered.Chart.OfType<V1Job>().Select(j => j.Spec.Template.Spec).ToList();

        Assert.Equal(10, pods.Count);
        Assert.All(pods.SelectMany(p => p.Containers), c =>
        {
            Assert.NotNull(c.ReadinessProbe);
            Assert.NotNull(c.LivenessProbe);
        });
        Assert.All(pods.Concat(jobs).SelectMany(RenderedChart.Containers), c =>
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(c.Resources.Requests.ContainsKey(resource), $"{c.Name} requests no {resource}");
                Assert.True(c.Resources.Limits.ContainsKey(resource), $"{c.Name} has no {resource} limit");
            }
        });
        Assert.All(rendered.Chart.OfType<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers), c =>
        {
            Assert.Equal("/health", c.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/alive", c.LivenessProbe.HttpGet.Path);
        });
    }

    [Fact]
    public void Connection_strings_and_keys_come_only_from_the_secret()
    {
        var containers = rendered.Chart.OfType<V1Deployment>().SelectMany(d => RenderedChart.Containers(d.Spec.Template.Spec))
            .Concat(rendered.Chart.OfType<V1Job>().SelectMany(j => RenderedChart.Containers(j.Spec.Template.Spec)))
            .Concat(rendered.Chart.OfType<V1StatefulSet>().SelectMany(s => RenderedChart.Containers(s.Spec.Template.Spec)))
            .ToList();
        var secretNames = new[] { "ConnectionStrings__", "Auth__SigningKey", "Auth__PublicKey", "Seed__AdminPassword", "POSTGRES_PASSWORD", "RABBITMQ_DEFAULT_PASS" };
        var secretVariables = containers.SelectMany(c => c.Env).Where(e => secretNames.Any(e.Name.StartsWith)).ToList();

        // 7 services × (connection strings + public key) + the signing key; the console's key ring; 8 waits; the Job's 8 + admin password; 2 servers.
        Assert.Equal(42, secretVariables.Count);
        Assert.All(secretVariables, e =>
        {
            Assert.Null(e.Value);
            Assert.Equal("crm-credentials", e.ValueFrom.SecretKeyRef.Name);
        });
        // Only the gateway signs tokens.
        Assert.Equal(["gateway"], rendered.Chart.OfType<V1Deployment>().Where(d => d.Spec.Template.Spec.Containers.Single().Env.Any(e => e.Name == "Auth__SigningKey")).Select(d => d.Metadata.Name));
        Assert.DoesNotContain(containers.SelectMany(c => c.Env), e => e.Name.EndsWith("_PASSWORD", StringComparison.Ordinal) && e.Value is not null);
    }

    [Fact]
    public void A_service_waits_for_the_migration_of_its_own_database_and_the_job_migrates_all()
    {
        foreach (var deployment in rendered.Chart.OfType<V1Deployment>())
        {
            var pod = deployment.Spec.Template.Spec;
            var databases = pod.Containers.Single().Env.Where(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Name.EndsWith("db", StringComparison.Ordinal)).Select(e => e.Name).ToList();
            if (databases.Count == 0)
            {
                Assert.Null(pod.InitContainers);
                continue;
            }
            var wait = Assert.Single(pod.InitContainers);
            Assert.Equal(["--wait-for-migrations"], wait.Args);
            Assert.Equal("crm/crm-setup:1.0.0", wait.Image[wait.Image.IndexOf("crm/", StringComparison.Ordinal)..]);
            Assert.Equal(databases, wait.Env.Select(e => e.Name));
        }
        var job = Assert.Single(rendered.Chart.OfType<V1Job>());
        Assert.Equal("setup-1", job.Metadata.Name);
        Assert.Equal(8, job.Spec.Template.Spec.Containers.Single().Env.Count(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));
        Assert.Equal("False", job.Spec.Template.Spec.Containers.Single().Env.Single(e => e.Name == "Seed__Demo").Value);
    }

    [Fact]
    public void Each_service_selects_exactly_its_own_pods()
    {
        var deployments = rendered.Chart.OfType<V1Deployment>().ToDictionary(d => d.Metadata.Name);
        foreach (var service in rendered.Chart.OfType<V1Service>().Where(s => deployments.ContainsKey(s.Metadata.Name)))
        {
            var labels = deployments[service.Metadata.Name].Spec.Template.Metadata.Labels;
            Assert.All(service.Spec.Selector, pair => Assert.Equal(pair.Value, labels[pair.Key]));
            Assert.Equal("http://" + service.Metadata.Name + ":8080", $"http://{service.Metadata.Name}:{service.Spec.Ports.Single().Port}");
        }
        var gateway = deployments["gateway"].Spec.Template.Spec.Containers.Single().Env.ToDictionary(e => e.Name);
        Assert.Equal("http://customers:8080", gateway["services__customers__http__0"].Value);
        Assert.DoesNotContain(gateway.Keys, name => name.Contains("https", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_image_the_chart_runs_is_built_by_eng_images()
    {
        var built = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "eng", "images")), @"\[([a-z]+)\]=")
            .Select(m => $"crm-{m.Groups[1].Value}").Order(StringComparer.Ordinal);
        var pods = rendered.Chart.OfType<V1Deployment>().Select(d => d.Spec.Template.Spec).Concat(rendered.Chart.OfType<V1Job>().Select(j => j.Spec.Template.Spec));
        var images = pods.SelectMany(RenderedChart.Containers).Select(c => c.Image.Split('/').Last().Split(':').First()).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(built, images);
    }

    [Fact]
    public async Task With_managed_servers_the_chart_runs_no_database_or_broker_of_its_own()
    {
        var chart = await RenderedChart.RenderAsync("servers.postgres.inCluster=false", "servers.messaging.inCluster=false");

        Assert.Empty(chart.OfType<V1StatefulSet>());
        Assert.Equal(StatelessServices, chart.OfType<V1Service>().Select(s => s.Metadata.Name).Order(StringComparer.Ordinal));
    }
}
