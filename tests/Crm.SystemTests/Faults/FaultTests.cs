using System.Diagnostics;
using System.Net.Sockets;

namespace Crm.SystemTests.Faults;

/// <summary>
/// Faults under a store's load through the gateway (architecture.md, "Events"): the broker killed, PostgreSQL
/// stopped without a checkpoint, a consuming service killed, the relay crashing between the broker's
/// confirm and marking the row sent, the broker refusing connections. After each, nothing acknowledged
/// is missing, nothing is applied twice, no record appears that nobody asked for, no outbox row and no
/// message is left waiting; each test shows that the fault happened and reports how long the
/// installation took to settle. In local mode the servers' supervisors (eng/local) start a killed
/// server again; a killed service is started again with the AppHost's start command.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", "Fault")]
public sealed class FaultTests(FaultFixture system, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Settling = TimeSpan.FromMinutes(4);
    private const int RegistrationsBeforeAndAfter = 20;
    private readonly Servers _servers = new(system);
    private readonly Ledger _ledger = new();
    private EffectCounter Counter => new(system, _servers);

    [Fact]
    public async Task The_broker_killed_with_kill_9_comes_back_and_nothing_is_lost_or_doubled()
    {
        await UnderLoadAsync(async () =>
        {
            var node = _servers.BrokerProcess();
            Servers.Kill(node);
            await Eventually.Holds(async () => await Counter.OutboxBacklogAsync("customerdb") > 0, Patience, "events to wait in the customer service's outbox while the broker is down");
            await Eventually.Holds(() => Alive(() => _servers.BrokerProcess()) is { } again && again != node, Patience, "the supervisor to start the broker again");
            await Eventually.Holds(async () => await Counter.OutboxBacklogAsync("customerdb") == 0, Settling, "the customer service's outbox to drain");
            return $"broker process {node} killed; events waited in the outbox; a new node ran";
        });
    }

    [Fact]
    public async Task PostgreSQL_stopped_immediately_comes_back_and_nothing_is_lost_or_doubled()
    {
        await UnderLoadAsync(async () =>
        {
            var postmaster = _servers.PostgresProcess();
            var refusedBefore = Refused();
            await _servers.StopPostgresImmediatelyAsync();
            await Eventually.Holds(async () => Alive(_servers.PostgresProcess) is { } again && again != postmaster && await Answers(() => Counter.OutboxBacklogAsync("customerdb")),
                Patience, "the supervisor to start PostgreSQL again");
            return $"postmaster {postmaster} stopped with -m immediate and started again; {Refused() - refusedBefore} requests refused or unanswered meanwhile";
        });
    }

    [Theory]
    [InlineData("dispatch")]
    [InlineData("reports")]
    public async Task A_consuming_service_killed_and_started_again_misses_nothing_and_applies_nothing_twice(string service)
    {
        await UnderLoadAsync(async () =>
        {
            var processes = _servers.ServiceProcesses(service);
            Assert.NotEmpty(processes);
            foreach (var process in processes) Servers.Kill(process);
            await Eventually.Holds(() => _servers.ServiceProcesses(service).Count == 0, Patience, $"{service} to be gone");
            var waiting = await Eventually.Returns(async () =>
            {
                var depth = (await _servers.QueueDepthsAsync()).Where(q => q.Key.StartsWith(service + "-")).Sum(q => q.Value);
                return depth > 0 ? (object)depth : null;
            }, Patience, $"messages to wait for {service} in its queues");
            using var timeout = new CancellationTokenSource(Patience);
            await _servers.StartServiceAsync(service, timeout.Token);
            return $"{service} (process {string.Join(", ", processes)}) killed with {waiting} messages waiting in its queues, then started again";
        }, $"{nameof(A_consuming_service_killed_and_started_again_misses_nothing_and_applies_nothing_twice)} ({service})");
    }

    [Fact]
    public async Task The_relay_crashing_after_the_brokers_confirm_publishes_again_and_the_inbox_drops_the_copy()
    {
        await UnderLoadAsync(async () =>
        {
            var confirmed = system.RelayCrashFile + ".confirmed";
            File.Delete(confirmed);
            File.WriteAllText(system.RelayCrashFile, "");
            var crashedAt = DateTimeOffset.UtcNow;
            await Eventually.Holds(() => File.Exists(confirmed), Patience, "the customer service's relay to crash after a confirm");
            var messageId = Guid.Parse(File.ReadAllText(confirmed));
            using var timeout = new CancellationTokenSource(Patience);
            await _servers.StartServiceAsync("customers", timeout.Token);
            var sentAt = await Eventually.Returns(async () => (object?)await Counter.SentAtAsync("customerdb", messageId), Patience, "the confirmed event to be published again");
            Assert.True((DateTimeOffset)sentAt > crashedAt, "The event confirmed before the crash was marked sent only by the restarted relay.");
            // Its consumers are idempotent by their own keys as well, so the effects alone would not show a missing inbox:
            // each consumer must have recorded the event as applied, which is what lets it drop the second copy.
            var recorded = await Eventually.Returns(async () => await Counter.InboxRecordsAsync(messageId) is var n and > 0 ? (object)n : null,
                Patience, $"the consumers of event {messageId} to record it in their inboxes");
            return $"the relay crashed after the broker confirmed event {messageId}; the restarted service published it again at {sentAt:HH:mm:ss.fff}; " +
                   $"{recorded} consumers recorded it once in their inboxes";
        });
    }

    [Fact]
    public async Task The_broker_refusing_connections_for_30_seconds_loses_and_doubles_nothing()
    {
        await UnderLoadAsync(async () =>
        {
            await _servers.BrokerToolAsync("rabbitmq-upgrade", "drain");
            try
            {
                await Eventually.Holds(async () => await Counter.OutboxBacklogAsync("customerdb") > 0, Patience, "events to wait in the customer service's outbox while the broker refuses connections");
                await Task.Delay(TimeSpan.FromSeconds(30)); // the length of the fault, not a wait for an outcome
            }
            finally
            {
                await _servers.BrokerToolAsync("rabbitmq-upgrade", "revive");
            }
            await Eventually.Holds(async () => await Counter.OutboxBacklogAsync("customerdb") == 0, Settling, "the customer service's outbox to drain");
            return "the broker refused client connections for 30 s (maintenance mode); events waited in the outbox";
        });
    }

    /// <summary>
    /// Runs the store's load, causes the fault once registrations flow, keeps the load going until
    /// registrations are acknowledged again, stops it and waits for the effects to settle.
    /// </summary>
    private async Task UnderLoadAsync(Func<Task<string>> fault, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        using (var starting = new CancellationTokenSource(Patience)) await _servers.StartStoppedServicesAsync(starting.Token);
        var load = await Workload.StartAsync(system, _ledger);
        string proof;
        TimeSpan recovered;
        var clock = Stopwatch.StartNew();
        try
        {
            await _ledger.AcknowledgedAsync(RegistrationsBeforeAndAfter, Patience);
            var faultAt = clock.Elapsed;
            proof = await fault();
            recovered = clock.Elapsed - faultAt;
            await _ledger.AcknowledgedAsync(_ledger.AcknowledgedCustomers.Count() + RegistrationsBeforeAndAfter, Patience);
        }
        finally
        {
            await load.StopAsync();
        }

        var stoppedAt = clock.Elapsed;
        Effects effects;
        while (!(effects = await Counter.CountAsync(_ledger)).Settled && clock.Elapsed - stoppedAt < Settling)
            await Task.Delay(TimeSpan.FromSeconds(1));
        var settledAfter = clock.Elapsed - stoppedAt;

        TestReport.Write(output, $"Fault: {name}", $"Fault: {proof}.\nLoad: {_ledger.Summary()}.\n" +
            $"Recovery: the fault and its recovery took {recovered.TotalSeconds:0.0} s; every effect settled {settledAfter.TotalSeconds:0.0} s after the load stopped.\nEffects: {effects}.");
        Assert.True(effects.Settled, $"After {Settling.TotalMinutes} min: {effects}");
    }

    private int Refused() => _ledger.Answers.Where(a => a.Key is 0 or >= 500).Sum(a => a.Value);

    private static int? Alive(Func<int> process)
    {
        try { return process(); }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or FormatException) { return null; }
    }

    private static async Task<bool> Answers(Func<Task<long>> query)
    {
        try { await query(); return true; }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or SocketException or IOException or TimeoutException) { return false; }
    }
}
