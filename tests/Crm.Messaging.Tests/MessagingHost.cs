using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Crm.Messaging.Tests;

/// <summary>A service host with the real outbox, inbox and bus, on its own database and its own exchange names.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingHost(IHost host, DeliveryCounter deliveries, string queuePrefix)
    {
        _host = host;
        Name = queuePrefix;
        Deliveries = deliveries;
        ConsumerQueue = $"{queuePrefix}-store-opened-recorder";
    }

    /// <summary>The host's name on the bus (its queue prefix): archives are replayed to "{Name}-replay".</summary>
    public string Name { get; }

    /// <summary>The queue of the host's one consumer (its error queue adds "_error").</summary>
    public string ConsumerQueue { get; }

    public IServiceProvider Services => _host.Services;
    public DeliveryCounter Deliveries { get; }

    /// <summary>A host on a new database and the test broker, once its consumer's queue is bound.</summary>
    public static async Task<MessagingHost> StartReadyAsync(string purpose)
    {
        var host = await StartAsync(await TestServers.CreateDatabaseAsync(purpose), TestServers.RabbitMq, TestServers.EntityPrefix);
        await host.WhenBusReadyAsync();
        return host;
    }

    public static async Task<MessagingHost> StartAsync(string connectionString, string rabbitUri, string entityPrefix, IDictionary<string, string?>? settings = null)
    {
        var queuePrefix = $"{entityPrefix}-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = connectionString,
            ["ConnectionStrings:messaging"] = rabbitUri,
            ["Messaging:EntityPrefix"] = entityPrefix,
            ["Messaging:QueuePrefix"] = queuePrefix,
            ["Messaging:Outbox:MinBackoff"] = "00:00:00.200",
            ["Messaging:ReplayOnFirstStart"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:01",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
            ["Messaging:Retry:Limit"] = "2",
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
            ["Messaging:Retry:IntervalDelta"] = "00:00:00.050",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceMessaging<TestDbContext>("messaging-tests", "testdb", bus => bus.AddConsumer<StoreOpenedRecorder>());
        var deliveries = new DeliveryCounter();
        builder.Services.AddConsumeObserver(_ => deliveries);
        var host = new MessagingHost(builder.Build(), deliveries, queuePrefix);

        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreatedAsync();
        await host._host.StartAsync();
        return host;
    }

    /// <summary>
    /// Waits until the consumer's queue is bound: an event published before that reaches no queue,
    /// as with any RabbitMQ fanout exchange.
    /// </summary>
    public Task WhenBusReadyAsync() => Eventually.Holds(async () =>
    {
        var report = await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("masstransit"));
        return report.Status == HealthStatus.Healthy;
    }, TimeSpan.FromSeconds(60), "the bus to be ready");

    public async Task<T> InScopeAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    /// <summary>Commits the event through the outbox, as a service's change would.</summary>
    public Task<int> CommitAsync(StoreOpened opened) => InScopeAsync(async db =>
    {
        db.Publish(opened, TimeProvider.System);
        return await db.SaveChangesAsync();
    });

    public Task<int> TimesAppliedAsync(Guid storeId) =>
        InScopeAsync(async db => (await db.AppliedStores.AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == storeId))?.TimesApplied ?? 0);

    public static StoreOpened NewEvent(string code = "T01") => new()
    {
        StoreId = Guid.NewGuid(),
        Code = code,
        Name = "Test store",
        City = "Test",
        TimeZone = "Asia/Shanghai",
        OpenedAt = DateTimeOffset.UtcNow,
    };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
