using Crm.Web.Gateway;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Web.Session;

/// <summary>
/// The signed-in user's tokens for one browser tab (a circuit): the access token from the cookie, renewed with the
/// session's refresh token a minute before it runs out. When the gateway ends the session, the user signs in again.
/// </summary>
public sealed class ConsoleSession(AuthenticationStateProvider authentication, GatewayAuth auth, TimeProvider clock)
{
    /// <summary>How long before its end an access token is renewed (also for downloads).</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private string? _accessToken;
    private DateTimeOffset _expiresAt;
    private string? _refreshToken;
    private bool _ended;

    /// <summary>The user's access token, renewed when it is about to run out; null once the session has ended.</summary>
    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_ended) return null;
        if (_refreshToken is null)
        {
            var user = (await authentication.GetAuthenticationStateAsync()).User;
            if (user.Identity?.IsAuthenticated != true) return null;
            _accessToken = user.Find(ConsoleClaims.AccessToken);
            _expiresAt = DateTimeOffset.TryParse(user.Find(ConsoleClaims.AccessExpiresAt), out var at) ? at : DateTimeOffset.MinValue;
            _refreshToken = user.Find(ConsoleClaims.RefreshToken);
        }
        if (_accessToken is not null && clock.GetUtcNow() < _expiresAt - RenewBefore) return _accessToken;
        if (_refreshToken is null) return null;

        await _renewing.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() < _expiresAt - RenewBefore) return _accessToken;
            var (token, ended) = await auth.RefreshAsync(_refreshToken, cancellationToken);
            if (token is not null) (_accessToken, _expiresAt) = (token.AccessToken, token.ExpiresAt);
            _ended = ended;
            // The gateway could not be reached: the old token is still worth a try until it runs out.
            return ended ? null : _accessToken;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
