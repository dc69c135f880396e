using System.Diagnostics;
using Crm.SystemTests.Faults;

namespace Crm.SystemTests.Cluster;

/// <summary>
/// The broker as a cluster of three nodes with quorum queues (README, "RabbitMQ as a cluster"): every queue is
/// replicated on all three; under two stores' load one node is stopped and started again, or (skipped while the
/// stall it found is open) another node's network is cut off. Nothing acknowledged is missing, nothing is applied
/// twice, nothing is left waiting, and how long the installation took to carry registrations through to a designer
/// again is reported.
/// </summary>
[Collection(BrokerClusterCollection.Name)]
[Trait("Category", "BrokerCluster")]
public sealed class BrokerClusterTests(BrokerClusterFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(4);
    private const int RegistrationsBetweenFaults = 20;

    [Fact]
    public async Task Every_queue_is_a_quorum_queue_with_a_member_on_each_node()
    {
        var queues = await QueuesAsync(1);

        foreach (var service in new[] { "customers", "dispatch", "contracts", "followups", "reports", "partners" })
            Assert.Contains($"{service}-replay", queues.Keys);
        var all = Enumerable.Range(1, BrokerClusterFixture.Nodes).Select(BrokerClusterFixture.NodeName).Order().ToList();
        Assert.All(queues, queue =>
        {
            Assert.True(queue.Value.Type == "quorum", $"{queue.Key} is a {queue.Value.Type} queue.");
            Assert.Equal(all, queue.Value.Members.Order().ToList());
        });
    }

    [Fact]
    public async Task A_node_stopped_under_load_and_started_again_loses_and_doubles_nothing()
    {
        await UnderLoadAsync("Broker cluster: a node stopped", async (manager, clock) =>
        {
            // Stopped the way an operator stops a node, for as long as the installation needs to carry on without it.
            var stoppedAt = clock.Elapsed;
            using (var stopping = new CancellationTokenSource(Patience)) await Node(1).StopResourceAsync(BrokerClusterFixture.Resource(1), stopping.Token);
            var carriedOn = await ProbeAsync(manager, clock) - stoppedAt;
            using (var starting = new CancellationTokenSource(Patience)) await Node(1).StartResourceAsync(BrokerClusterFixture.Resource(1), starting.Token);
            await Eventually.Holds(async () => (await RunningNodesAsync(3)).Count == BrokerClusterFixture.Nodes, Patience, "the stopped node to run in the cluster again");
            return $"{BrokerClusterFixture.NodeName(1)} stopped: a registration made after the stop reached its designer {carriedOn.TotalSeconds:0.0} s after it; " +
                   $"the node was back in the cluster {(clock.Elapsed - stoppedAt).TotalSeconds:0.0} s after the stop";
        });
    }

    [Fact(Skip = "Open: under load, a service's outbox relay can stall for good after a node's network is cut (README, \"RabbitMQ as a cluster, with quorum queues\", known problem).")]
    public async Task A_nodes_network_cut_under_load_loses_and_doubles_nothing()
    {
        await UnderLoadAsync("Broker cluster: a node cut off", async (manager, clock) =>
        {
            // The node goes silent without closing anything; its peers declare it down and it pauses (the minority).
            var cutAt = clock.Elapsed;
            await using var cut = await NetworkCut.CutAsync(BrokerClusterFixture.Address(2));
            var carriedOn = await ProbeAsync(manager, clock) - cutAt;
            await Eventually.Holds(async () => !(await RunningNodesAsync(1)).Contains(BrokerClusterFixture.NodeName(2)), Patience, "the other nodes to declare the cut-off node down");
            var declaredDown = clock.Elapsed - cutAt;
            await cut.HealAsync();
            var healedAt = clock.Elapsed;
            await Eventually.Holds(async () => (await RunningNodesAsync(1)).Count == BrokerClusterFixture.Nodes, Patience, "the cut-off node to run in the cluster again");
            return $"{BrokerClusterFixture.NodeName(2)} cut off (nftables) for {(healedAt - cutAt).TotalSeconds:0.0} s: a registration made after the cut reached its designer " +
                   $"{carriedOn.TotalSeconds:0.0} s after it; its peers declared it down after {declaredDown.TotalSeconds:0.0} s; " +
                   $"it ran in the cluster again {(clock.Elapsed - healedAt).TotalSeconds:0.0} s after the network came back";
        });
    }

    /// <summary>
    /// Two stores' work through the gateway; the fault once registrations flow, and more registrations after it; then
    /// every effect counted against the ledger: nothing missing, nothing doubled, nothing unexpected, nothing waiting.
    /// </summary>
    private async Task UnderLoadAsync(string name, Func<HttpClient, Stopwatch, Task<string>> fault)
    {
        var ledger = new Ledger();
        using var manager = await system.SignInAsync("sh01.cm", "Store#2026");
        var load = await Workload.StartAsync(system, ledger);
        var clock = Stopwatch.StartNew();
        string proof;
        try
        {
            await ledger.AcknowledgedAsync(RegistrationsBetweenFaults, Patience);
            proof = await fault(manager, clock);
            await ledger.AcknowledgedAsync(ledger.AcknowledgedCustomers.Count() + RegistrationsBetweenFaults, Patience);
        }
        finally
        {
            await load.StopAsync();
        }

        var stoppedLoadAt = clock.Elapsed;
        var effects = await new EffectCounter(system, Node(1)).SettledAsync(ledger, Settling);
        TestReport.Write(output, name, $"{proof}.\nLoad: {ledger.Summary()}.\n" +
            $"Every effect settled {(clock.Elapsed - stoppedLoadAt).TotalSeconds:0.0} s after the load stopped. Effects: {effects}.");
        Assert.True(effects.Settled, $"After {Settling.TotalMinutes} min: {effects}");
    }

    /// <summary>The command-line tools against one node of the cluster.</summary>
    private Servers Node(int node) => new(system, BrokerClusterFixture.Resource(node));

    /// <summary>
    /// Registers a customer (its own phone, outside the ledger) and waits until it has a designer: the customer
    /// service's event has gone through the broker to dispatch, and dispatch's answer back. Returns the time then.
    /// </summary>
    private static async Task<TimeSpan> ProbeAsync(HttpClient manager, Stopwatch clock)
    {
        var phone = $"198{Random.Shared.Next(0, 99_999_999):D8}";
        var key = Guid.NewGuid().ToString();
        var customer = await Eventually.Returns(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = JsonContent.Create(new { source = "WalkIn", name = "集群探测", phone }) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await manager.SendAsync(request);
            return response.IsSuccessStatusCode ? (object)(await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : null;
        }, Patience, "the probe registration to be acknowledged");
        await Eventually.Holds(async () =>
        {
            using var response = await manager.GetAsync($"/api/customers/{customer}");
            return response.IsSuccessStatusCode
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("designer").ValueKind == JsonValueKind.Object;
        }, Patience, "the probe customer to be given a designer");
        return clock.Elapsed;
    }

    /// <summary>The nodes that the given node sees running in its cluster (none while it does not answer).</summary>
    private async Task<IReadOnlyList<string>> RunningNodesAsync(int node)
    {
        try
        {
            var status = JsonDocument.Parse(await Node(node).BrokerToolAsync("rabbitmqctl", "cluster_status", "--formatter", "json", "-q"));
            return status.RootElement.GetProperty("running_nodes").EnumerateArray().Select(n => n.GetString()!).ToList();
        }
        catch (InvalidOperationException)
        {
            return [];
        }
    }

    private async Task<IReadOnlyDictionary<string, (string Type, IReadOnlyList<string> Members)>> QueuesAsync(int node)
    {
        var queues = JsonDocument.Parse(await Node(node).BrokerToolAsync("rabbitmqctl", "list_queues", "name", "type", "members", "--formatter", "json", "-q"));
        return queues.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!,
            q => (q.GetProperty("type").GetString()!,
                  (IReadOnlyList<string>)(q.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
                      ? members.EnumerateArray().Select(m => m.GetString()!).ToList() : [])));
    }
}
