using Crm.Gateway.Security;
using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/token", SignIn).WithSummary("Signs a staff member in: a 15-minute token.").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).WithTags("Sign-in");
        return routes;
    }

    public sealed record SignInRequest(string? Username, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, UserManager<StaffUser> users, TokenIssuer tokens, RateLimits.SignInAttempts attempts, HttpContext http)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Username)) errors.Add("username", "The username is required.");
        // No account name holds one, and the database cannot compare text with NUL.
        else if (request.Username.Any(char.IsControl) || request.Username.Length > TextLimits.Name)
            errors.Add("username", $"A username: at most {TextLimits.Name} characters, no control characters.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "The password is required.");
        if (errors.Any) return Problems.Invalid(errors);
        var (allowed, retryAfter) = attempts.TryAttempt(request.Username!.Trim(), http);
        if (!allowed)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts for this account.", detail: $"Try again in {seconds} s.");
        }

        var user = await users.FindByNameAsync(request.Username!.Trim());
        // One answer for every failure, so that it tells nobody which accounts exist.
        if (user is null || user.Disabled || await users.IsLockedOutAsync(user)) return Refused();
        if (!await users.CheckPasswordAsync(user, request.Password!))
        {
            await users.AccessFailedAsync(user);
            return Refused();
        }
        await users.ResetAccessFailedCountAsync(user);

        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt));
    }

    private static ProblemHttpResult Refused() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in refused.", detail: "The username or password is wrong, or the account is locked or disabled.");
}
