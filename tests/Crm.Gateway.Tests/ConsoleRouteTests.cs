using System.Net.Sockets;
using Crm.Gateway.Security;
using Microsoft.AspNetCore.Http;

namespace Crm.Gateway.Tests;

/// <summary>Every path that is not the API's goes to the store console, without a token; the API's paths never do.</summary>
public sealed class ConsoleRouteTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("/", true)]
    [InlineData("/customers/new", true)]
    [InlineData("/_framework/blazor.web.js", true)]
    [InlineData("/apiary", true)]
    [InlineData("/api", false)]
    [InlineData("/api/customers", false)]
    [InlineData("/auth/token", false)]
    [InlineData("/openapi/v1.json", false)]
    [InlineData("/docs", false)]
    [InlineData("/health", false)]
    public void The_console_serves_every_path_but_the_apis(string path, bool console) =>
        Assert.Equal(console, ConsoleRoute.Serves(new PathString(path)));

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_a_console_page()
    {
        var response = await _gateway.ClientAs().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_console_page_needs_no_token_and_may_run_the_consoles_own_scripts()
    {
        // No console listens where this gateway looks for it: the answer is the gateway's own "cannot be reached".
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:web:Destinations:d1:Address"] = $"http://127.0.0.1:{port}",
        });

        var response = await gateway.CreateClient().GetAsync("/customers");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }
}
