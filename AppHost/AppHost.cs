using Crm.AppHost.Infrastructure;

// bench/run measures the system without the development dashboard (--no-dashboard): telemetry is then not exported.
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = args.Where(a => a != "--no-dashboard").ToArray(),
    DisableDashboard = args.Contains("--no-dashboard"),
});
var infra = InfrastructureSetup.Add(builder);
// Publishing (the manifest the Helm chart is generated from) describes an installation, not this machine:
// no demo chain, and the token keys and first ChainAdmin's password are the installation's secrets.
var publishing = builder.ExecutionContext.IsPublishMode;
var demo = builder.Configuration.GetValue("Seed:Demo", !publishing);
IResourceBuilder<ParameterResource> signingKey, publicKey, adminPassword;
if (publishing)
{
    signingKey = builder.AddParameter("token-signing-key", secret: true);
    publicKey = builder.AddParameter("token-public-key", secret: true);
    adminPassword = builder.AddParameter("admin-password", secret: true);
}
else
{
    var keys = SigningKeys.ReadOrCreate(builder.Configuration, InfrastructureSetup.DataDirectory(builder));
    signingKey = builder.AddParameter("token-signing-key", keys.PrivateKey, secret: true);
    publicKey = builder.AddParameter("token-public-key", keys.PublicKey);
    adminPassword = builder.AddParameter("admin-password", builder.Configuration["Seed:AdminPassword"] ?? (demo ? "Admin#2026" : ""), secret: true);
}
// Quorum queues, replicated across a cluster's nodes, wherever the broker is one: in the chart, and with a local
// cluster (Infra:BrokerNodes=3). A single local node keeps classic queues. Messaging:QuorumQueues decides otherwise.
var quorumQueues = builder.Configuration.GetValue("Messaging:QuorumQueues", publishing || infra.ClusteredBroker);
string[] databases = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb", "partnerdb", "gatewaydb", "webdb"];
// The services whose stores may be spread over database shards (README, "PostgreSQL by store"): with further shards, each
// has its database on every shard too. Partners, the gateway and the console keep the chain's own records in one.
string[] shardedDatabases = ["customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb"];
var shardNames = string.Join(",", infra.DatabaseShards);

// The deploy-time step: migrates every database, creates the first ChainAdmin and (with Seed:Demo)
// the demo chain, then exits. Every service waits for it; no service migrates or seeds at start.
var setup = builder.AddProject<Projects.Crm_Setup>("setup")
    .WaitForAll(infra.Servers)
    .WithEnvironment("Seed__Demo", demo.ToString())
    .WithEnvironment("Seed__AdminPassword", adminPassword);
foreach (var database in databases) setup.WithReference(infra.Database(database));
if (infra.DatabaseShards.Count > 0)
{
    setup.WithEnvironment("Database__Shards", shardNames);
    foreach (var database in shardedDatabases) foreach (var shard in infra.ShardDatabases(database)) setup.WithReference(shard);
}

// Services start in any order: one that starts for the first time asks the others for their event
// archives (replay), so it hears what was announced before its queues existed.
// Services are called straight at their own ports, not through the orchestrator's proxy: one hop less on every
// call through the gateway, and none of the proxy's CPU on a small machine (bench/RESULTS.md, "system: http").
IResourceBuilder<ProjectResource> Service<TProject>(string name, string database) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithoutProxy()
        .WithReference(infra.Database(database))
        .WithDatabaseShards(infra, database, shardedDatabases, shardNames)
        .WithReference(infra.Messaging)
        .WithMessagingSettings(infra, quorumQueues)
        .WaitForAll(infra.Servers)
        .WaitForCompletion(setup)
        .WithHttpHealthCheck("/health")
        .WithEnvironment("Auth__PublicKey", publicKey)
        .WithServiceEnvironment(builder.Configuration["Services:Environment"]);

var customers = Service<Projects.Crm_Customers>("customers", "customerdb");
var dispatch = Service<Projects.Crm_Dispatch>("dispatch", "dispatchdb");
var contracts = Service<Projects.Crm_Contracts>("contracts", "contractdb");
var followups = Service<Projects.Crm_Followups>("followups", "followupdb");
// A trial installation may set the follow-up service's clock ahead, to see the rules of months later (off by default).
if (builder.Configuration.GetValue<bool>("Clock:Adjustable")) followups.WithEnvironment("Clock__Adjustable", "true");
var reports = Service<Projects.Crm_Reports>("reports", "reportdb");
var partners = Service<Projects.Crm_Partners>("partners", "partnerdb");
// How often the sharded services read the store directory (30 s), and how long a store's move lets work in flight
// finish (5 s): a test installation shortens both, so that its moves take seconds (README, "Moving a store").
foreach (var setting in new[] { "Database:PlacementRefresh", "Database:MoveSettle" })
    if (builder.Configuration[setting] is { } value)
        foreach (var sharded in new[] { customers, dispatch, contracts, followups, reports }) sharded.WithEnvironment(setting.Replace(":", "__"), value);
if (builder.Configuration["Followups:TaskRules:Interval"] is { } interval) followups.WithEnvironment("Followups__TaskRules__Interval", interval);

// The store console (web/): served through the gateway at "/", it calls the API through the gateway with each
// user's own token; its one database holds the sign-in cookie's key ring, shared by all its instances; no broker.
var web = builder.AddProject<Projects.Crm_Web>("web")
    .WithoutProxy()
    .WithReference(infra.Database("webdb"))
    .WaitForAll(infra.Servers)
    .WaitForCompletion(setup)
    .WithHttpHealthCheck("/health")
    .WithServiceEnvironment(builder.Configuration["Services:Environment"]);

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
    .WithEnvironment("Auth__SigningKey", signingKey)
    // Requests a user may make per minute; an installation with heavy partners or a load test raises it.
    .WithEnvironment("RateLimits__PerMinute", builder.Configuration.GetValue("Gateway:RequestsPerMinute", 600).ToString())
    // Sign-ins per minute from one address (20); a load test that signs a hundred stores' staff in raises it.
    .WithEnvironment("RateLimits__SignInsPerMinute", builder.Configuration.GetValue("Gateway:SignInsPerMinute", 20).ToString())
    .WithReference(customers).WithReference(dispatch).WithReference(contracts).WithReference(followups).WithReference(reports).WithReference(partners)
    .WithReference(web);
web.WithReference(gateway);

builder.Build().Run();

internal static class ServiceEnvironment
{
    /// <summary>A sharded service's database on each further shard, and the shards' names ("Database:Shards").</summary>
    public static IResourceBuilder<ProjectResource> WithDatabaseShards(
        this IResourceBuilder<ProjectResource> service, ServiceInfrastructure infra, string database, string[] sharded, string names)
    {
        if (infra.DatabaseShards.Count == 0 || !sharded.Contains(database)) return service;
        foreach (var shard in infra.ShardDatabases(database)) service.WithReference(shard);
        return service.WithEnvironment("Database__Shards", names);
    }

    public static IResourceBuilder<ProjectResource> WithoutProxy(this IResourceBuilder<ProjectResource> service)
    {
        ((IResourceBuilder<IResourceWithEndpoints>)service).WithEndpointProxySupport(false);
        return service;
    }

    public static IResourceBuilder<ProjectResource> WithMessagingSettings(this IResourceBuilder<ProjectResource> service, ServiceInfrastructure infra, bool quorumQueues)
    {
        service.WithEnvironment("Messaging__QuorumQueues", quorumQueues ? "true" : "false");
        foreach (var (name, value) in infra.MessagingSettings) service.WithEnvironment(name, value);
        return service;
    }

    /// <summary>Runs the service in the named environment (bench/run: Production) instead of its launch profile's Development.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceEnvironment(this IResourceBuilder<ProjectResource> service, string? environment) =>
        string.IsNullOrEmpty(environment) ? service : service.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment).WithEnvironment("DOTNET_ENVIRONMENT", environment);
}
