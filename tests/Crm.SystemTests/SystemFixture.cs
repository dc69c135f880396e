namespace Crm.SystemTests;

/// <summary>
/// The whole system started by the AppHost in local mode (PostgreSQL and RabbitMQ from the
/// machine's packages, data in a folder of its own), driven through the gateway only.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    /// <summary>How long the installation may take to start: the test run's other assemblies share the machine meanwhile.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromMinutes(4);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"crm-system-{Guid.NewGuid():N}"[..24]);
    private DistributedApplication? _app;

    /// <summary>The running AppHost: its resources, their commands and connection strings.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>The installation's data folder (Infra:DataDir): the servers' data, keys and passwords.</summary>
    public string DataDirectory => _dataDir;

    /// <summary>Further AppHost arguments (configuration), for fixtures that need them.</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>Changes to the AppHost's resources before it starts, for fixtures that need them.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder) { }

    /// <summary>The gateway, signed in as the demo ChainAdmin.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>A new client of the gateway, signed in as the given account.</summary>
    public async Task<HttpClient> SignInAsync(string username, string password) =>
        _app!.CreateHttpClient("gateway").As(await TokenAsync(username, password));

    /// <summary>A staff token of the given account.</summary>
    public async Task<string> TokenAsync(string username, string password)
    {
        using var client = _app!.CreateHttpClient("gateway");
        var response = await client.PostAsJsonAsync("/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public HttpClient Anonymous() => _app!.CreateHttpClient("gateway");

    public async Task InitializeAsync()
    {
        // Readable by the postgres user, which runs the database server.
        Directory.CreateDirectory(_dataDir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dataDir, (UnixFileMode)Convert.ToInt32("755", 8));

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Crm_AppHost>(
            // A trial clock in follow-ups, and its schedule looking every few seconds, so that months can pass in a test.
            ["--Infra:Mode=local", $"--Infra:DataDir={_dataDir}", "--Seed:Demo=true", "--Clock:Adjustable=true", "--Followups:TaskRules:Interval=00:00:03", .. Arguments]);
        // The tests drive the gateway harder than one person would; its request limit is tested in Crm.Gateway.Tests.
        // Likewise its sign-in limits (tested there too): the tests sign the same demo accounts in many times a minute,
        // through the API and through the console.
        builder.CreateResourceBuilder<Aspire.Hosting.ApplicationModel.ProjectResource>("gateway")
            .WithEnvironment("RateLimits__PerMinute", "1000000")
            .WithEnvironment("RateLimits__SignInsPerMinute", "1000000")
            .WithEnvironment("RateLimits__SignInsPerAccountPerMinute", "1000000");
        Configure(builder);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        // The customer service starts last, once every other service listens for its announcements.
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("customers", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        Gateway = await SignInAsync("admin", "Admin#2026");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
