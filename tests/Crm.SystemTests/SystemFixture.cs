namespace Crm.SystemTests;

/// <summary>
/// The whole system started by the AppHost in local mode (PostgreSQL and RabbitMQ from the
/// machine's packages, data in a folder of its own), driven through the gateway only.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"crm-system-{Guid.NewGuid():N}"[..24]);
    private DistributedApplication? _app;

    public HttpClient Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Readable by the postgres user, which runs the database server.
        Directory.CreateDirectory(_dataDir);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_dataDir, (UnixFileMode)Convert.ToInt32("755", 8));

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Crm_AppHost>(
            ["--Infra:Mode=local", $"--Infra:DataDir={_dataDir}", "--Seed:Demo=true"]);
        _app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = _app.CreateHttpClient("gateway");
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
