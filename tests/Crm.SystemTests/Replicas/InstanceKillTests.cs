using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Replicas;

/// <summary>
/// Two instances of every service under a store's load; one instance of each of five services is killed with
/// kill -9 mid-run, and the other finishes the work: nothing acknowledged is lost, nothing applied twice.
/// </summary>
[Collection(ReplicatedKillCollection.Name)]
[Trait("Category", "Replicas")]
public sealed class InstanceKillTests(ReplicatedFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(4);
    private static readonly string[] Consuming = ReplicatedFixture.ConsumingServices;
    private readonly Servers _servers = new(system);
    private EffectCounter Counter => new(system, _servers);

    [Fact]
    public async Task One_instance_of_each_service_killed_with_kill_9_mid_run_leaves_the_other_to_finish_with_nothing_lost_or_doubled()
    {
        var ledger = new Ledger();
        var killed = new Dictionary<string, int>();
        DateTimeOffset killedAt;
        await using (var load = await Workload.StartAsync(system, ledger, workersPerStore: 3))
        {
            await Eventually.Holds(() => ledger.AcknowledgedCustomers.Count() >= 20, Patience, "20 acknowledged registrations");
            foreach (var service in Consuming)
            {
                var processes = _servers.ServiceProcesses(service);
                Assert.Equal(ReplicatedFixture.Instances, processes.Count);
                Servers.Kill(processes[0]);
                killed[service] = processes[0];
            }
            killedAt = DateTimeOffset.UtcNow;
            await Eventually.Holds(() => Consuming.All(s => _servers.ServiceProcesses(s).Count == 1), Patience, "one instance of each service to be gone");
            var before = ledger.AcknowledgedCustomers.Count();
            await Eventually.Holds(() => ledger.AcknowledgedCustomers.Count() >= before + 20, Patience, "20 more acknowledged registrations with one instance of each service");
            await load.StopAsync();
        }
        var effects = await Counter.SettledAsync(ledger, Settling);
        var split = await InstanceSplit.SinceAsync(Counter, killedAt);

        TestReport.Write(output, "Two instances: one of each killed", $"Killed with kill -9: {string.Join(", ", killed.Select(k => $"{k.Key} process {k.Value}"))}.\n" +
            $"Load: {ledger.Summary()}.\nMessages applied per instance after the kill:\n{split}\nEffects: {effects}.");
        Assert.True(effects.Settled, $"After {Settling.TotalMinutes} min: {effects}");
        Assert.All(Consuming, service =>
        {
            var survivor = Assert.Single(split.ByService[service]);
            Assert.False(survivor.Key.EndsWith($"/{killed[service]}", StringComparison.Ordinal), $"{service}: the killed process applied messages after its kill");
            Assert.True(survivor.Value > 0, $"{service}: the surviving instance applied nothing");
        });
    }
}
