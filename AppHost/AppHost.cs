using Crm.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);
var infra = InfrastructureSetup.Add(builder);
var demo = builder.Configuration.GetValue("Seed:Demo", true);

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(infra.Database(database))
        .WithReference(infra.Messaging)
        .WaitForAll(infra.Servers)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("Seed__Demo", demo.ToString());

var dispatch = Service<Projects.Crm_Dispatch>("dispatch", "dispatchdb");
var contracts = Service<Projects.Crm_Contracts>("contracts", "contractdb");
var followups = Service<Projects.Crm_Followups>("followups", "followupdb");
// The customer service announces stores and customers: it starts once the others' queues are
// bound (their health includes the bus), so that on a first start no announcement finds no queue.
var customers = Service<Projects.Crm_Customers>("customers", "customerdb")
    .WaitFor(dispatch).WaitFor(contracts).WaitFor(followups);

// The only resource reachable from outside: partners and the store console call the gateway.
builder.AddProject<Projects.Crm_Gateway>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("Gateway:Port", 8080))
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithReference(customers).WaitFor(customers)
    .WithReference(dispatch).WaitFor(dispatch)
    .WithReference(contracts).WaitFor(contracts)
    .WithReference(followups).WaitFor(followups);

builder.Build().Run();
