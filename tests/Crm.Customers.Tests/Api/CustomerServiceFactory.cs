using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.Customers.Tests.Api;

/// <summary>The customer service on a fresh database of its own and the real broker.</summary>
public sealed class CustomerServiceFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:customerdb", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", TestServers.RabbitMq);
        builder.UseSetting("Messaging:EntityPrefix", TestServers.EntityPrefix);
        builder.UseSetting("Messaging:QueuePrefix", $"{TestServers.EntityPrefix}-{Guid.NewGuid():N}");
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Auth:PublicKey", TestTokens.PublicKey);
    }

    /// <summary>A client signed in as the given role (ChainAdmin by default, who sees every store).</summary>
    public HttpClient ClientAs(string role = "ChainAdmin", Guid? storeId = null, Guid? designerId = null) =>
        CreateClient().As(TestTokens.For(role, storeId, designerId));

    public static async Task<CustomerServiceFactory> StartAsync()
    {
        var factory = new CustomerServiceFactory(await TestServers.CreateDatabaseAsync("customers"));
        _ = factory.Server; // starts the host, applies migrations
        return factory;
    }
}
