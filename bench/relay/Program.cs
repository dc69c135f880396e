using System.Diagnostics;
using Crm.Messages;
using Crm.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Messages per second relayed from the outbox with publisher confirms, against a plain MassTransit
// publish-with-confirm loop on the same broker, in one run. Usage: run.sh [messages]
var messages = args.Length > 0 ? int.Parse(args[0]) : 5000;
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:benchdb"] = Environment.GetEnvironmentVariable("BENCH_POSTGRES"),
    ["ConnectionStrings:messaging"] = Environment.GetEnvironmentVariable("BENCH_RABBITMQ"),
    ["Messaging:ReplayOnFirstStart"] = "false",
    ["Messaging:Outbox:PollInterval"] = "00:00:00.100",
    ["Logging:LogLevel:Default"] = "Warning",
});
builder.AddServiceMessaging<BenchDbContext>("bench", "benchdb", bus => bus.AddConsumer<Discard>());
using var host = builder.Build();
await using (var scope = host.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    await db.Database.EnsureDeletedAsync();
    await db.Database.EnsureCreatedAsync();
}
await host.StartAsync();
var bus = host.Services.GetRequiredService<IBusControl>();
while (bus.CheckHealth().Status != BusHealthStatus.Healthy) await Task.Delay(100);

// Warm-up, so that neither run pays for the first connection and the JIT.
foreach (var _ in Enumerable.Range(0, 200)) await bus.Publish(Opened(Guid.NewGuid()));
await RelayAsync(200, stores: 20);

var stopwatch = Stopwatch.StartNew();
for (var i = 0; i < messages; i++) await bus.Publish(Opened(Guid.NewGuid()));
var baseline = messages / stopwatch.Elapsed.TotalSeconds;

var manyStores = await RelayAsync(messages, stores: 50);
var oneStore = await RelayAsync(messages, stores: 1);

Console.WriteLine($"messages per run: {messages}");
Console.WriteLine($"baseline  publish-with-confirm loop:        {baseline,8:0} msg/s");
Console.WriteLine($"relay     outbox, 50 stores side by side:   {manyStores,8:0} msg/s  ratio {manyStores / baseline:0.00}");
Console.WriteLine($"relay     outbox, one store (in order):     {oneStore,8:0} msg/s  ratio {oneStore / baseline:0.00}");
await host.StopAsync();

async Task<double> RelayAsync(int count, int stores)
{
    var storeIds = Enumerable.Range(0, stores).Select(_ => Guid.NewGuid()).ToArray();
    await using var scope = host.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
    // Written in one transaction, as a burst of commits would leave them; timed from the commit.
    for (var i = 0; i < count; i++) db.OutboxMessages.Add(OutboxMessage.For(Opened(storeIds[i % stores]), DateTimeOffset.UtcNow));
    await db.SaveChangesAsync();
    var timer = Stopwatch.StartNew();
    while (await db.OutboxMessages.CountAsync(m => m.SentAt == null) > 0) await Task.Delay(20);
    return count / timer.Elapsed.TotalSeconds;
}

static StoreOpened Opened(Guid store) => new()
{
    StoreId = store, Code = "B01", Name = "Bench", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
};

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model) => model.AddMessagingTables();
}

/// <summary>Gives the published events a queue, so the broker stores them as it would for a real subscriber.</summary>
public sealed class Discard : IConsumer<StoreOpened>
{
    public Task Consume(ConsumeContext<StoreOpened> context) => Task.CompletedTask;
}
