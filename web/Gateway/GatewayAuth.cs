using System.Net.Http.Headers;

namespace Crm.Web.Gateway;

/// <summary>The gateway's sign-in: a token for a username and password, a new one for an open session, and signing out.</summary>
public sealed class GatewayAuth(HttpClient http)
{
    public async Task<ApiResult<(TokenAnswer Token, StaffAccount Account)>> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => http.PostAsJsonAsync("/auth/token", new { username, password }, GatewayJson.Options, cancellationToken));
        if (response is null) return new(default, ApiProblem.Unreachable);
        if (!response.IsSuccessStatusCode) return new(default, await ApiProblem.ReadAsync(response, cancellationToken));
        var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>(GatewayJson.Options, cancellationToken))!;
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var account = await SendAsync(() => http.SendAsync(me, cancellationToken));
        if (account is null) return new(default, ApiProblem.Unreachable);
        if (!account.IsSuccessStatusCode) return new(default, await ApiProblem.ReadAsync(account, cancellationToken));
        return new((token, (await account.Content.ReadFromJsonAsync<StaffAccount>(GatewayJson.Options, cancellationToken))!), null);
    }

    /// <summary>A new access token for the session; null when the session has ended (or the gateway cannot be reached).</summary>
    public async Task<(TokenAnswer? Token, bool Ended)> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var response = await SendAsync(() => http.PostAsJsonAsync("/auth/refresh", new { refreshToken }, GatewayJson.Options, cancellationToken));
        if (response is null) return (null, false);
        if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<TokenAnswer>(GatewayJson.Options, cancellationToken), false);
        return (null, response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.BadRequest);
    }

    public async Task SignOutAsync(string refreshToken, CancellationToken cancellationToken) =>
        await SendAsync(() => http.PostAsJsonAsync("/auth/sign-out", new { refreshToken }, GatewayJson.Options, cancellationToken));

    private static async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try { return await send(); }
        catch (Exception ex) when (GatewayJson.IsUnreachable(ex)) { return null; }
    }
}
