using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.Testing;

/// <summary>A service hosted in the test on a fresh database of its own, the real broker and the test signing key.</summary>
public sealed class ServiceFactory<TProgram>(string connectionName, string connectionString, string? queuePrefix = null) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    /// <summary>The prefix of this host's queues: a second instance of the service shares it, and so competes for the same messages.</summary>
    public string QueuePrefix { get; } = queuePrefix ?? $"{TestServers.EntityPrefix}-{Guid.NewGuid():N}";

    public string ConnectionString => connectionString;

    /// <summary>Whether the host asks the others for their archives on its first start, as a deployed service does.</summary>
    public bool ReplayOnFirstStart { get; init; }

    /// <summary>Configuration the test sets for this host (e.g. short retry waits).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestServers.RabbitMq);
        builder.UseSetting("Messaging:EntityPrefix", TestServers.EntityPrefix);
        builder.UseSetting("Messaging:QueuePrefix", QueuePrefix);
        builder.UseSetting("Database:MigrateOnStart", "true");
        // A test host hears only what its test publishes; the start-order tests turn replay on themselves.
        builder.UseSetting("Messaging:ReplayOnFirstStart", ReplayOnFirstStart ? "true" : "false");
        builder.UseSetting("Auth:PublicKey", TestTokens.PublicKey);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public static async Task<ServiceFactory<TProgram>> StartAsync(string connectionName, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new ServiceFactory<TProgram>(connectionName, await TestServers.CreateDatabaseAsync(connectionName)) { Settings = settings ?? new Dictionary<string, string>() };
        _ = factory.Server;
        return factory;
    }

    /// <summary>Another instance of the same service: the same database and the same queues.</summary>
    public ServiceFactory<TProgram> SecondInstance()
    {
        var second = new ServiceFactory<TProgram>(connectionName, connectionString, QueuePrefix);
        _ = second.Server;
        return second;
    }

    /// <summary>Waits until the service's bus is connected and its queues are bound, so that a test may publish to it.</summary>
    public Task BusReadyAsync() => Eventually.Holds(async () =>
    {
        // Health answers 503 while any check is unhealthy: read the body whatever the status.
        var health = await (await CreateClient().GetAsync("/health")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return health.GetProperty("checks").GetProperty("masstransit-bus").GetProperty("status").GetString() == "Healthy";
    }, TimeSpan.FromSeconds(60), "the bus to be ready");

    public HttpClient ClientAs(string role = "ChainAdmin", Guid? storeId = null, Guid? designerId = null, Guid? userId = null) =>
        CreateClient().As(TestTokens.For(role, storeId, designerId, userId));
}
