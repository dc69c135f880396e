namespace Crm.Deploy.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Placeholders_become_helm_expressions_of_their_kind()
    {
        var helm = new HelmTemplate();
        var service = new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = helm.Text(".Values.name"), Annotations = helm.Block(".Values.annotations", "") },
            Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = helm.Number(".Values.port") }] },
        };

        var yaml = helm.Render(service);

        Assert.Contains("  name: {{ .Values.name | quote }}\n", yaml);
        Assert.Contains("  annotations:\n    {{- toYaml .Values.annotations | nindent 4 }}\n", yaml);
        Assert.Contains("  - port: {{ .Values.port }}\n", yaml);
    }

    [Fact]
    public void An_environment_value_with_no_kubernetes_form_stops_the_generator()
    {
        var manifest = AspireManifest.Parse("""
            {"resources": {"customers": {"type": "project.v0", "path": "x.csproj",
              "env": {"SOMETHING": "{customers.bindings.http.scheme}"}, "bindings": {"http": {"scheme": "http"}}}}}
            """);
        var mapping = new EnvironmentMapping(manifest, new HelmTemplate());

        var error = Assert.Throws<InvalidOperationException>(() => mapping.Map(manifest["customers"]));
        Assert.Equal("No Kubernetes form for the variable SOMETHING={customers.bindings.http.scheme}.", error.Message);
    }

    [Fact]
    public void Another_resources_connection_parts_are_left_out_and_a_servers_own_password_is_kept_secret()
    {
        var manifest = AspireManifest.Parse("""
            {"resources": {
              "postgres": {"type": "container.v0", "image": "postgres:18", "env": {"POSTGRES_PASSWORD": "{postgres-password.value}"}, "bindings": {"tcp": {"targetPort": 5432}}},
              "postgres-password": {"type": "parameter.v0", "value": "{postgres-password.inputs.value}", "inputs": {"value": {"type": "string", "secret": true}}},
              "customerdb": {"type": "value.v0", "connectionString": "{postgres.connectionString};Database=customerdb"},
              "customers": {"type": "project.v0", "path": "x.csproj", "bindings": {"http": {"scheme": "http"}},
                "env": {"ConnectionStrings__customerdb": "{customerdb.connectionString}", "POSTGRES_HOST": "{postgres.bindings.tcp.host}", "CUSTOMERDB_PASSWORD": "{postgres-password.value}"}}}}
            """);
        var mapping = new EnvironmentMapping(manifest, new HelmTemplate());

        var customers = mapping.Map(manifest["customers"]);
        var postgres = mapping.Map(manifest["postgres"]);

        Assert.Equal(["ConnectionStrings__customerdb", "OTEL_SERVICE_NAME"], customers.Select(e => e.Name));
        Assert.Equal("customerdb", customers[0].ValueFrom.SecretKeyRef.Key);
        Assert.Equal("postgres-password", Assert.Single(postgres).ValueFrom.SecretKeyRef.Key);
        Assert.Equal(["customerdb", "postgres-password"], ChartFiles.CredentialKeys(manifest));
    }
}
