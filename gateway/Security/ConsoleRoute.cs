namespace Crm.Gateway.Security;

/// <summary>
/// The store console (web/) is served at every path that is not the API's: /api, /auth, /openapi, /docs and the
/// health probes stay the gateway's and the services'. The console signs its users in itself (a cookie of its own)
/// and calls the API through the gateway with each user's own token, so its pages pass without a token here.
/// </summary>
public static class ConsoleRoute
{
    private static readonly PathString[] ApiPaths = ["/api", "/auth", "/openapi", "/docs", "/health", "/alive"];

    public static bool Serves(PathString path) => !ApiPaths.Any(p => path.StartsWithSegments(p));

    /// <summary>An API path that no route knows is a 404 problem, not a page of the console.</summary>
    public static IEndpointRouteBuilder MapUnknownApiPaths(this IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/api", "/auth", "/openapi" })
            routes.Map(prefix + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.",
                detail: "No API operation takes this request: check its path, its method and its Content-Type (application/json). The API reference is at /docs."))
                .ExcludeFromDescription();
        return routes;
    }
}
