using System.Net.Sockets;

namespace Crm.Gateway.Tests;

/// <summary>A service that is away or silent is a problem the client can act on, never a bare 502 or 504.</summary>
public sealed class UnreachableServiceTests
{
    [Fact]
    public async Task A_service_that_refuses_connections_is_503_service_unavailable_with_retry_after()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens on the port any more: connections are refused
        await using var gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:customers:Destinations:d1:Address"] = $"http://127.0.0.1:{port}",
        });

        var response = await gateway.ClientAs().GetAsync("/api/customers");

        await ProblemAssert.CodeAsync(response, HttpStatusCode.ServiceUnavailable, "service-unavailable");
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task A_service_that_takes_the_request_and_never_answers_is_504_service_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections and reads nothing back
        await using var gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string>
        {
            ["ReverseProxy:Clusters:customers:Destinations:d1:Address"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
            ["ReverseProxy:Clusters:customers:HttpRequest:ActivityTimeout"] = "00:00:01",
        });

        var response = await gateway.ClientAs().GetAsync("/api/customers");

        await ProblemAssert.CodeAsync(response, HttpStatusCode.GatewayTimeout, "service-timeout");
    }
}
