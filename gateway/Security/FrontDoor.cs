namespace Crm.Gateway.Security;

/// <summary>What every request meets first: identity headers removed, a body limit, security headers.</summary>
public static class FrontDoor
{
    public const long MaxBodyBytes = 1024 * 1024;
    /// <summary>Files of leads are bigger than any other request: their route alone takes up to 20 MB.</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    private static readonly PathString[] UploadPaths = ["/api/leads/imports"];

    /// <summary>Headers a client could use to pose as someone; identity comes from the token only.</summary>
    private static readonly string[] IdentityHeaderPrefixes =
        ["X-User", "X-Store", "X-Role", "X-Designer", "X-Caller", "X-Remote-User", "X-Forwarded-User", "X-Auth-Request", "Remote-User"];

    public static IApplicationBuilder UseFrontDoor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var header in context.Request.Headers.Keys.ToList())
        {
            if (IdentityHeaderPrefixes.Any(p => header.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                context.Request.Headers.Remove(header);
        }

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // The API reference page and the store console run scripts from this origin; the API's answers run none.
            var path = context.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/docs")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
                : ConsoleRoute.Serves(path)
                    ? "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'"
                    : "default-src 'none'; frame-ancestors 'none'";
            // The console's own files say how long they keep (fingerprinted); everything else is never stored.
            if (!path.StartsWithSegments("/docs") && !(ConsoleRoute.Serves(path) && headers.CacheControl.Count > 0)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });

        var limit = MaxBodyBytes;
        if (UploadPaths.Any(p => context.Request.Path.StartsWithSegments(p)) && context.Request.Method == HttpMethods.Post)
        {
            limit = MaxUploadBytes;
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                detail: $"A request body here may be at most {limit} bytes.").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
