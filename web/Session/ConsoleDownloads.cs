using System.Net.Http.Headers;
using Crm.Web.Gateway;

namespace Crm.Web.Session;

/// <summary>
/// Files the API exports (registers, ledgers, task lists as CSV or Excel), fetched for the signed-in user with their own
/// token and handed to the browser as a download: /files/customers/registers/walk-in?…&amp;format=xlsx asks the gateway for
/// /api/customers/registers/walk-in?…&amp;format=xlsx. Only exports are passed on; the gateway decides what the user may read.
/// </summary>
public static partial class ConsoleDownloads
{
    public const string Prefix = "/files/";
    private static readonly string[] Formats = ["csv", "xlsx"];

    /// <summary>The console's address of an API export: the API path (without /api/) and its query, format included.</summary>
    public static string Link(string apiPathAndQuery) => Prefix + apiPathAndQuery.TrimStart('/');

    public static IEndpointRouteBuilder MapConsoleDownloads(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Prefix + "{**path}", DownloadAsync).RequireAuthorization();
        return routes;
    }

    /// <summary>Plain path segments only (letters, digits, hyphens, as the API's paths and ids are): nothing that leaves /api/.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+(/[A-Za-z0-9-]+)*$")]
    private static partial System.Text.RegularExpressions.Regex ApiPath();

    /// <summary>Whether the console passes the request on: an export format, and a path that stays under /api/.</summary>
    public static bool IsExport(string path, string? format) => Formats.Contains(format) && ApiPath().IsMatch(path);

    private static async Task<IResult> DownloadAsync(string path, HttpContext http, GatewayFiles files, CancellationToken cancellationToken)
    {
        if (!IsExport(path, http.Request.Query["format"].ToString()))
            return TypedResults.Problem("Only exports (format=csv or xlsx) are downloaded here.", statusCode: StatusCodes.Status404NotFound);
        var response = await files.GetAsync(http.User, $"/api/{path}{http.Request.QueryString}", cancellationToken);
        if (response is null) return TypedResults.Problem("The system cannot be reached; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable);
        http.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ApiProblem.ReadAsync(response, cancellationToken);
            return TypedResults.Problem(problem.Detail ?? problem.Title, statusCode: (int)response.StatusCode, title: problem.Title);
        }
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "export." + http.Request.Query["format"];
        return TypedResults.Stream(await response.Content.ReadAsStreamAsync(cancellationToken),
            response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}

/// <summary>The gateway asked for a file as the signed-in user: the cookie's access token, or a fresh one from the session's refresh token.</summary>
public sealed class GatewayFiles(HttpClient http, GatewayAuth auth, TimeProvider clock)
{
    public async Task<HttpResponseMessage?> GetAsync(System.Security.Claims.ClaimsPrincipal user, string pathAndQuery, CancellationToken cancellationToken)
    {
        var token = user.Find(ConsoleClaims.AccessToken);
        var fresh = DateTimeOffset.TryParse(user.Find(ConsoleClaims.AccessExpiresAt), out var at) && clock.GetUtcNow() < at - ConsoleSession.RenewBefore;
        if (!fresh && user.Find(ConsoleClaims.RefreshToken) is { } refresh) token = (await auth.RefreshAsync(refresh, cancellationToken)).Token?.AccessToken;
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try { return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken); }
        catch (Exception ex) when (GatewayJson.IsUnreachable(ex) && !cancellationToken.IsCancellationRequested) { return null; }
    }
}
