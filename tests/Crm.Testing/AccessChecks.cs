using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Crm.Testing;

/// <summary>The checks every service's access tests make against its table of domain.md §6.</summary>
public static class AccessChecks
{
    public static readonly string[] Roles = ["ChainAdmin", "StoreManager", "CustomerManager", "Designer", "Finance", "Marketing", "HomeConsultant"];

    /// <summary>The health, liveness and OpenAPI endpoints every service has, open to all.</summary>
    public static readonly EndpointRule[] Common =
    [
        EndpointAccess.Rule("*", "/alive"),
        EndpointAccess.Rule("*", "/health"),
        EndpointAccess.Rule("GET", "/openapi/{documentName}.json"),
        .. Operations("/operations"),
    ];

    /// <summary>What every service whose stores may be spread over shards answers: the common endpoints and the store move.</summary>
    public static readonly EndpointRule[] ShardedCommon =
    [
        .. Common,
        EndpointAccess.Rule("POST", "/operations/stores/{storeId:guid}/move", "ChainAdmin"),
        EndpointAccess.Rule("GET", "/operations/stores/{storeId:guid}/placement", "ChainAdmin"),
    ];

    /// <summary>The operator's endpoints of a service's messaging, for ChainAdmin only.</summary>
    public static EndpointRule[] Operations(string prefix) =>
    [
        EndpointAccess.Rule("GET", prefix + "/outbox", "ChainAdmin"),
        EndpointAccess.Rule("POST", prefix + "/outbox/{sequence:long}/requeue", "ChainAdmin"),
        EndpointAccess.Rule("POST", prefix + "/archive/replay", "ChainAdmin"),
    ];

    /// <summary>Fails when an endpoint is added, removed or guarded otherwise than the table says.</summary>
    public static void DeclaredAsInTable(IServiceProvider services, IEnumerable<EndpointRule> table)
    {
        EveryEndpointDocumented(services);
        Assert.Equal(table.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            EndpointAccess.Declared(services).Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    /// <summary>Every guarded endpoint reads as a reference in /docs: a summary and the answers it can give.</summary>
    public static void EveryEndpointDocumented(IServiceProvider services)
    {
        var undocumented = services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            // Guarded endpoints of our own; the gateway's proxied routes are documented by their services.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null && !(e.RoutePattern.RawText ?? "").Contains("{**"))
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>() is null
                || !e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Any())
            .Select(e => e.DisplayName);
        Assert.Empty(undocumented);
    }

    /// <summary>Calls every guarded endpoint as every role: admitted roles never get 403, the others always do.</summary>
    public static async Task EveryRoleAsInTableAsync(Func<string, HttpClient> clientAs, IEnumerable<EndpointRule> table)
    {
        foreach (var rule in table.Where(r => r.Roles != EndpointAccess.Anonymous))
        {
            foreach (var role in Roles)
            {
                var request = new HttpRequestMessage(new HttpMethod(rule.Method), EndpointAccess.Concrete(rule.Route));
                if (rule.Method is "POST" or "PUT" or "PATCH") request.Content = JsonContent.Create(new { });
                var response = await clientAs(role).SendAsync(request);
                var admitted = rule.Roles.Split(',').Contains(role);
                Assert.True(admitted ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) : response.StatusCode == HttpStatusCode.Forbidden,
                    $"{rule.Method} {rule.Route} as {role}: {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>Without a token only the open endpoints answer.</summary>
    public static async Task AnonymousRefusedAsync(HttpClient anonymous, IEnumerable<EndpointRule> table)
    {
        foreach (var rule in table)
        {
            var method = rule.Method == "*" ? "GET" : rule.Method;
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), EndpointAccess.Concrete(rule.Route.Replace("{documentName}", "v1"))));
            // Health may still say 503 while the bus connects; what matters is that it asks for no token.
            Assert.True(rule.Roles == EndpointAccess.Anonymous ? response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) : response.StatusCode == HttpStatusCode.Unauthorized,
                $"{rule.Method} {rule.Route} without a token: {(int)response.StatusCode}");
        }
    }
}
