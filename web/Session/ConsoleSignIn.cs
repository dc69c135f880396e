using System.Security.Claims;
using Crm.Web.Gateway;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;

namespace Crm.Web.Session;

/// <summary>
/// Staff sign in with their own account: the console asks the gateway for a token and keeps the session's tokens
/// in an encrypted, HTTP-only cookie that ends with the session. Every call to the API is made with the user's own
/// token, never an account of the console's.
/// </summary>
public static class ConsoleSignIn
{
    public const string SignInPath = "/signin";

    public static IServiceCollection AddConsoleSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = SignInPath;
                cookie.LogoutPath = "/account/sign-out";
                cookie.Cookie.Name = "crm.console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = false;
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<ConsoleSession>();
        return services;
    }

    public static ForwardedHeadersOptions ForwardedHeaders() => new()
    {
        ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
    };

    /// <summary>The cookie's principal for a sign-in the gateway accepted.</summary>
    public static ClaimsPrincipal Principal(TokenAnswer token, StaffAccount account)
    {
        List<Claim> claims =
        [
            new(ConsoleClaims.UserId, account.Id.ToString()),
            new(ConsoleClaims.Username, account.Username),
            new(ConsoleClaims.DisplayName, account.DisplayName),
            new(ConsoleClaims.Role, account.Role),
            new(ConsoleClaims.AccessToken, token.AccessToken),
            new(ConsoleClaims.AccessExpiresAt, token.ExpiresAt.ToString("O")),
            new(ConsoleClaims.RefreshToken, token.RefreshToken),
        ];
        if (account.StoreId is { } store) claims.Add(new Claim(ConsoleClaims.StoreId, store.ToString()));
        if (account.DesignerId is { } designer) claims.Add(new Claim(ConsoleClaims.DesignerId, designer.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ConsoleClaims.DisplayName, ConsoleClaims.Role));
    }

    public static Task SignInAsync(HttpContext http, TokenAnswer token, StaffAccount account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(token, account),
            new AuthenticationProperties { IsPersistent = false, ExpiresUtc = token.RefreshExpiresAt, AllowRefresh = false });

    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder routes)
    {
        // Signing out ends the session at the gateway too, so that its refresh token is refused from now on.
        routes.MapPost("/account/sign-out", async (HttpContext http, GatewayAuth auth) =>
        {
            if (http.User.Find(ConsoleClaims.RefreshToken) is { } refreshToken) await auth.SignOutAsync(refreshToken, http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        });
        routes.MapGet("/account/language/{culture}", (string culture, string? returnUrl, HttpContext http) => ConsoleLanguages.Choose(culture, returnUrl, http))
            .AllowAnonymous();
        return routes;
    }
}
