using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Crm.Gateway.Tests;

/// <summary>
/// The partner service's two faces the gateway meets, answered by the test: the key lookup (from a table the test
/// fills and empties) and the partner API behind the gateway, which answers with the claims of the token it was
/// forwarded. The real service is proven with the gateway in the system tests.
/// </summary>
public sealed class PartnerServiceStub : IAsyncDisposable
{
    public sealed record Holder(Guid PartnerId, Guid KeyId, string PartnerName, int RequestsPerMinute);

    private readonly WebApplication _app;

    public ConcurrentDictionary<string, Holder> Keys { get; } = new();
    public int Lookups;
    public string Url { get; private set; } = "";

    private PartnerServiceStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/internal/api-keys/lookup", async (HttpContext context) =>
        {
            Interlocked.Increment(ref Lookups);
            var caller = new JsonWebToken(context.Request.Headers.Authorization.ToString()["Bearer ".Length..]);
            if (caller.GetClaim("role").Value != PartnerAccess.GatewayRole) return Results.StatusCode(403);
            var hash = (await context.Request.ReadFromJsonAsync<JsonElement>()).GetProperty("keyHash").GetString()!;
            return Keys.TryGetValue(hash, out var holder) ? Results.Ok(holder) : Results.NotFound();
        });
        _app.Map("/api/leads/{**rest}", (HttpContext context) =>
        {
            var token = new JsonWebToken(context.Request.Headers.Authorization.ToString()["Bearer ".Length..]);
            return Results.Ok(new
            {
                sub = token.Subject, role = token.GetClaim("role").Value, keyId = token.GetClaim("key_id").Value,
                apiKeyHeader = context.Request.Headers["X-Api-Key"].ToString(),
            });
        });
    }

    public static async Task<PartnerServiceStub> StartAsync()
    {
        var stub = new PartnerServiceStub();
        await stub._app.StartAsync();
        stub.Url = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
