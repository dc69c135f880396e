using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Testing;

/// <summary>One endpoint and the roles it admits ("anonymous" when it needs no sign-in).</summary>
public sealed record EndpointRule(string Method, string Route, string Roles)
{
    public override string ToString() => $"{Method} {Route} -> {Roles}";
}

/// <summary>Reads, from a running service, which roles each of its endpoints admits.</summary>
public static class EndpointAccess
{
    public const string Anonymous = "anonymous";

    public static IReadOnlyList<EndpointRule> Declared(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                var route = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
                var roles = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                    ? Anonymous
                    : string.Join(",", endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                        .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
                        .Distinct().Order());
                return methods.Select(method => new EndpointRule(method, route, roles.Length == 0 ? "signed-in" : roles));
            })
            .OrderBy(r => r.Route).ThenBy(r => r.Method)
            .ToList();

    /// <summary>A table row: the roles sorted and joined, as <see cref="Declared"/> gives them.</summary>
    public static EndpointRule Rule(string method, string route, params string[] roles) =>
        new(method, route, roles.Length == 0 ? Anonymous : string.Join(",", roles.Distinct().Order()));

    /// <summary>Fills route parameters with an id nobody has.</summary>
    public static string Concrete(string route) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+:long\}", "1"), @"\{[^}]+\}", Guid.NewGuid().ToString());
}
