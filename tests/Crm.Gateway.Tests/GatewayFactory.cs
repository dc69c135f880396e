using Crm.Gateway.Data;
using Crm.Gateway.Domain;
using Crm.Messages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Gateway.Tests;

/// <summary>The gateway on a fresh database of its own and the real broker, signing with the test key.</summary>
public sealed class GatewayFactory(string connectionString, int requestsPerMinute, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin#2026";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:gatewaydb", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestServers.RabbitMq);
        builder.UseSetting("Messaging:EntityPrefix", TestServers.EntityPrefix);
        builder.UseSetting("Messaging:QueuePrefix", $"{TestServers.EntityPrefix}-{Guid.NewGuid():N}");
        builder.UseSetting("Auth:PublicKey", TestTokens.PublicKey);
        builder.UseSetting("Auth:SigningKey", TestTokens.PrivateKey);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Messaging:ReplayOnFirstStart", "false");
        builder.UseSetting("RateLimits:PerMinute", requestsPerMinute.ToString());
        builder.UseSetting("RateLimits:SignInsPerMinute", "1000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    public static async Task<GatewayFactory> StartAsync(int requestsPerMinute = 10_000, IReadOnlyDictionary<string, string>? settings = null)
    {
        var factory = new GatewayFactory(await TestServers.CreateDatabaseAsync("gateway"), requestsPerMinute, settings);
        _ = factory.Server;
        return factory;
    }

    public HttpClient ClientAs(string role = "ChainAdmin", Guid? storeId = null) => CreateClient().As(TestTokens.For(role, storeId));

    /// <summary>A store as the gateway learns it from StoreOpened.</summary>
    public async Task<Guid> StoreAsync()
    {
        var id = Guid.NewGuid();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        db.Stores.Add(StoreCopy.From<StoreCopy>(new StoreOpened { StoreId = id, Code = "T" + Random.Shared.Next(100, 999), Name = "Test", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return id;
    }

    public async Task<(Guid Id, string Username)> StaffAsync(string role, Guid? storeId, string password = "Staff#2026")
    {
        var username = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..30];
        var response = await ClientAs().PostAsJsonAsync("/api/staff", new { username, password, displayName = "测试", role, storeId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), username);
    }

    public Task<HttpResponseMessage> SignInAsync(string username, string password) =>
        CreateClient().PostAsJsonAsync("/auth/token", new { username, password });
}
