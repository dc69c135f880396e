using Aspire.Hosting.ApplicationModel;

namespace Crm.SystemTests.Faults;

/// <summary>
/// A local installation of its own for the fault tests, which stop and kill its servers and services:
/// no other test shares it. The customer service's relay can be made to crash after a confirm
/// (<see cref="RelayCrashFile"/>).
/// </summary>
public sealed class FaultFixture : SystemFixture
{
    public string RelayCrashFile => Path.Combine(DataDirectory, "customers-relay-crash");

    /// <summary>Set in each service's environment, so that a test finds that service's process and no other installation's.</summary>
    public const string InstallationVariable = "CRM_FAULT_TESTS_SERVICE";

    /// <summary>
    /// "outbox" or "inbox" in the test run's environment switches that guard off in every service, to see the fault
    /// tests fail without it (README, "Tests"); never set in eng/test.
    /// </summary>
    public const string BypassVariable = "CRM_FAULT_TESTS_BYPASS";

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var service in builder.Resources.OfType<ProjectResource>())
        {
            var resource = builder.CreateResourceBuilder(service).WithEnvironment(InstallationVariable, $"{DataDirectory}/{service.Name}");
            // A service started again after a kill listens on its launch profile's port, where its callers find it;
            // the orchestrator's proxy in front of it did not always forward to the new process.
            if (service.Name != "gateway" && service.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
                resource.WithEndpoint("http", endpoint => endpoint.IsProxied = false);
        }
        builder.CreateResourceBuilder<ProjectResource>("customers").WithEnvironment("Messaging__Outbox__CrashAfterConfirmFile", RelayCrashFile);
        if (Environment.GetEnvironmentVariable(BypassVariable) is { Length: > 0 } bypassed)
        {
            var guard = bypassed switch { "outbox" => "Outbox", "inbox" => "Inbox", _ => throw new InvalidOperationException($"{BypassVariable} is 'outbox' or 'inbox', not '{bypassed}'.") };
            foreach (var service in builder.Resources.OfType<ProjectResource>())
                builder.CreateResourceBuilder(service).WithEnvironment($"Messaging__{guard}__Bypass", "true");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultFixture>
{
    public const string Name = "faults";
}
