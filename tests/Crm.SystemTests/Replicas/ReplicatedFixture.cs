using Aspire.Hosting.ApplicationModel;
using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Replicas;

/// <summary>
/// A local installation of its own with two instances of every service, the gateway and the console (the AppHost's
/// <c>WithReplicas</c>), as Kubernetes runs them (deploy/chart: two replicas each). The orchestrator's proxy in front
/// of each spreads the calls over both, as a Kubernetes Service does.
/// </summary>
public sealed class ReplicatedFixture : SystemFixture
{
    public const int Instances = 2;

    /// <summary>The services whose consumers a store's work keeps busy.</summary>
    public static readonly string[] ConsumingServices = ["customers", "dispatch", "contracts", "followups", "reports"];

    /// <summary>Twice the processes to start; on two cores, beside the other test assemblies, that took over 4 minutes once.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(10);

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>().Where(p => p.Name != "setup").ToList())
        {
            foreach (var proxyless in service.Annotations.OfType<ProxySupportAnnotation>().ToList()) service.Annotations.Remove(proxyless);
            builder.CreateResourceBuilder(service)
                .WithReplicas(Instances)
                // So that a test finds each instance's process (Servers.ServiceProcesses).
                .WithEnvironment(FaultFixture.InstallationVariable, $"{DataDirectory}/{service.Name}")
                // Outbox and inbox cleanup every few seconds, to see it done once while both instances run.
                .WithEnvironment("Messaging__Retention__Interval", "00:00:05");
        }
        // A limit low enough to reach in a test, counted across both gateways (the other limits stay out of the way).
        builder.CreateResourceBuilder<ProjectResource>("gateway").WithEnvironment("RateLimits__SignInsPerAccountPerMinute", "5");
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicatedCollection : ICollectionFixture<ReplicatedFixture>
{
    public const string Name = "replicated";
}

/// <summary>An installation of its own for killing instances: a killed instance stays gone, and the other tests need both.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicatedKillCollection : ICollectionFixture<ReplicatedFixture>
{
    public const string Name = "replicated-kill";
}
