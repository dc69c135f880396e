using Crm.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);
var infra = InfrastructureSetup.Add(builder);
var demo = builder.Configuration.GetValue("Seed:Demo", true);
var keys = SigningKeys.ReadOrCreate(builder.Configuration, InfrastructureSetup.DataDirectory(builder));
var signingKey = builder.AddParameter("token-signing-key", keys.PrivateKey, secret: true);

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(infra.Database(database))
        .WithReference(infra.Messaging)
        .WaitForAll(infra.Servers)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("Auth__PublicKey", keys.PublicKey)
        .WithEnvironment("Seed__Demo", demo.ToString());

var dispatch = Service<Projects.Crm_Dispatch>("dispatch", "dispatchdb");
var contracts = Service<Projects.Crm_Contracts>("contracts", "contractdb");
var followups = Service<Projects.Crm_Followups>("followups", "followupdb");

// The only resource reachable from outside: partners and the store console call the gateway.
// It keeps the staff accounts (gatewaydb) and signs their tokens.
var gateway = Service<Projects.Crm_Gateway>("gateway", "gatewaydb")
    .WithEndpoint("http", endpoint =>
    {
        endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 8080);
        // Sign-in guards every route, so the gateway may answer on every interface when asked to.
        if (builder.Configuration.GetValue<bool>("Gateway:ListenPublicly")) endpoint.TargetHost = "0.0.0.0";
    })
    .WithExternalHttpEndpoints()
    .WithEnvironment("Auth__SigningKey", signingKey);

// The customer service announces stores and customers: it starts once every other service's
// queues are bound (their health includes the bus), so that no announcement finds no queue.
var customers = Service<Projects.Crm_Customers>("customers", "customerdb")
    .WaitFor(dispatch).WaitFor(contracts).WaitFor(followups).WaitFor(gateway);

gateway.WithReference(customers).WithReference(dispatch).WithReference(contracts).WithReference(followups);

builder.Build().Run();
