using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.SystemTests.Faults;

/// <summary>
/// The servers and services of a running local installation, as an operator (or a fault) touches
/// them: processes killed, PostgreSQL stopped the hard way, the broker put into maintenance, a service
/// started again with the AppHost's own command.
/// </summary>
public sealed class Servers(SystemFixture system, string brokerNode = "rabbitmq")
{
    private static readonly string RepoRoot = FindRepoRoot();
    private string RabbitData => Path.Combine(system.DataDirectory, brokerNode);
    private string PostgresData => Path.Combine(system.DataDirectory, "postgres");

    /// <summary>The process id of the RabbitMQ node (beam.smp) whose home is this installation's folder.</summary>
    public int BrokerProcess()
    {
        var home = $"-home\0{Path.GetFullPath(RabbitData)}\0";
        var pid = FindProcesses("cmdline", line => line.Contains("beam.smp") && line.Contains(home)).FirstOrDefault();
        return pid > 0 ? pid : throw new InvalidOperationException($"No RabbitMQ node runs from {RabbitData}.");
    }

    /// <summary>The postmaster's process id, from its lock file.</summary>
    public int PostgresProcess() => int.Parse(File.ReadLines(Path.Combine(PostgresData, "postmaster.pid")).First());

    public static void Kill(int pid) => Process.GetProcessById(pid).Kill();

    /// <summary><c>pg_ctl stop -m immediate</c>: every backend ends at once, without a checkpoint; the next start recovers from the WAL.</summary>
    public Task StopPostgresImmediatelyAsync()
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).Where(File.Exists).Order().Last();
        return RunAsync("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", pgCtl, "stop", "-D", PostgresData, "-m", "immediate"]);
    }

    /// <summary>One of RabbitMQ's command-line tools against this installation's node.</summary>
    public Task<string> BrokerToolAsync(params string[] arguments) =>
        RunAsync("bash", [Path.Combine(RepoRoot, "eng/local/rabbitmq-cli.sh"), RabbitData, .. arguments]);

    /// <summary>Messages waiting (ready or unacknowledged) in each queue of the broker.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync()
    {
        var output = await BrokerToolAsync("rabbitmqctl", "list_queues", "name", "messages", "-q", "--no-table-headers");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1]));
    }

    /// <summary>
    /// The process of a service of this installation (marked by <see cref="FaultFixture.InstallationVariable"/>): the
    /// service's own executable, not the orchestrator's process that watches it and carries the same environment.
    /// </summary>
    public IReadOnlyList<int> ServiceProcesses(string name)
    {
        var mark = $"{FaultFixture.InstallationVariable}={system.DataDirectory}/{name}\0";
        return FindProcesses("environ", environment => (environment + "\0").Contains(mark))
            .Where(pid => Path.GetFileName(ReadOrEmpty($"/proc/{pid}/cmdline").Split('\0')[0]).StartsWith("Crm.", StringComparison.Ordinal))
            .ToList();
    }

    private static string ReadOrEmpty(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>The processes whose /proc file (cmdline, environ) matches.</summary>
    private static List<int> FindProcesses(string file, Func<string, bool> matches)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (matches(File.ReadAllText(Path.Combine(dir, file)))) found.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>Stops a resource (a service, a broker node) with the AppHost's stop command and waits until it has exited.</summary>
    public async Task StopResourceAsync(string name, CancellationToken cancellationToken)
    {
        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(Resource(name), KnownResourceCommands.StopCommand, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"{name} did not stop: {result.Message}");
        await system.App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
    }

    /// <summary>Starts a stopped resource with the AppHost's start command and waits until it is healthy.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken)
    {
        var commands = system.App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(Resource(name), KnownResourceCommands.StartCommand, cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"{name} did not start: {result.Message}");
        await system.App.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.WaitOnResourceUnavailable, cancellationToken);
    }

    /// <summary>Starts a service that has exited, with the AppHost's start command, and waits for it to be healthy.</summary>
    public async Task StartServiceAsync(string name, CancellationToken cancellationToken)
    {
        await system.App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
        await StartResourceAsync(name, cancellationToken);
    }

    /// <summary>Starts every service that a test before left stopped, so that each test begins with the whole installation.</summary>
    public async Task StartStoppedServicesAsync(CancellationToken cancellationToken)
    {
        foreach (var service in system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            if (service.Name == "setup") continue;
            if (system.App.ResourceNotifications.TryGetCurrentState(service.Name, out var state)
                && state.Snapshot.State?.Text is { } text && KnownResourceStates.TerminalStates.Contains(text))
                await StartServiceAsync(service.Name, cancellationToken);
        }
    }

    private IResource Resource(string name) =>
        system.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    public static async Task<string> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        return await output;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aspire.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository (Aspire.sln) is not above the test's folder.");
    }
}
