using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.Testing;

/// <summary>A service hosted in the test on a fresh database of its own, the real broker and the test signing key.</summary>
public sealed class ServiceFactory<TProgram>(string connectionName, string connectionString) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{connectionName}", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestServers.RabbitMq);
        builder.UseSetting("Messaging:EntityPrefix", TestServers.EntityPrefix);
        builder.UseSetting("Messaging:QueuePrefix", $"{TestServers.EntityPrefix}-{Guid.NewGuid():N}");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Auth:PublicKey", TestTokens.PublicKey);
    }

    public static async Task<ServiceFactory<TProgram>> StartAsync(string connectionName)
    {
        var factory = new ServiceFactory<TProgram>(connectionName, await TestServers.CreateDatabaseAsync(connectionName));
        _ = factory.Server;
        return factory;
    }

    public HttpClient ClientAs(string role = "ChainAdmin", Guid? storeId = null, Guid? designerId = null) =>
        CreateClient().As(TestTokens.For(role, storeId, designerId));
}
