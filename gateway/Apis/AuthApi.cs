using Crm.Gateway.Security;
using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/auth/token", SignIn).WithSummary("Signs a staff member in: a 15-minute access token, and a refresh token for the session (12 hours at most).")
            .AllowAnonymous().RequireSignInLimit().WithTags("Sign-in");
        routes.MapPost("/auth/refresh", Refresh).WithSummary("A new 15-minute access token for an open session, while the account may still sign in.")
            .AllowAnonymous().RequireSignInLimit().WithTags("Sign-in");
        routes.MapPost("/auth/sign-out", SignOut).WithSummary("Ends the session: its refresh token is refused from now on (access tokens already issued run out within 15 minutes).")
            .AllowAnonymous().RequireSignInLimit().WithTags("Sign-in");
        return routes;
    }

    public sealed record SignInRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, UserManager<StaffUser> users, TokenIssuer tokens, RateLimits.SignInAttempts attempts, GatewayDbContext db, TimeProvider clock, HttpContext http)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Username)) errors.Add("username", "The username is required.");
        // No account name holds one, and the database cannot compare text with NUL.
        else if (request.Username.Any(char.IsControl) || request.Username.Length > TextLimits.Name)
            errors.Add("username", $"A username: at most {TextLimits.Name} characters, no control characters.");
        if (string.IsNullOrEmpty(request.Password)) errors.Add("password", "The password is required.");
        if (errors.Any) return Problems.Invalid(errors);
        var (allowed, retryAfter) = await attempts.TryAttemptAsync(request.Username!.Trim(), http, http.RequestAborted);
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

        var (session, refreshToken) = StaffSession.Begin(user.Id, clock.GetUtcNow(), http.Connection.RemoteIpAddress?.ToString());
        db.Sessions.Add(session);
        await db.SaveChangesAsync(CancellationToken.None);
        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, refreshToken, session.ExpiresAt));
    }

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, UserManager<StaffUser> users, TokenIssuer tokens, GatewayDbContext db, TimeProvider clock)
    {
        if (RefreshTokenErrors(request.RefreshToken) is { } invalid) return invalid;
        var now = clock.GetUtcNow();
        var hash = StaffSession.Hash(request.RefreshToken!);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash);
        if (session is null || !session.IsOpen(now)) return SessionEnded();
        var user = await users.FindByIdAsync(session.UserId.ToString());
        if (user is null || user.Disabled || await users.IsLockedOutAsync(user))
        {
            session.End(now, user is null ? "account removed" : user.Disabled ? "account disabled" : "account locked");
            await db.SaveChangesAsync(CancellationToken.None);
            return SessionEnded();
        }
        session.Refreshed(now);
        await db.SaveChangesAsync(CancellationToken.None);
        var (token, expiresAt) = tokens.Issue(user);
        return TypedResults.Ok(new TokenResponse(token, expiresAt, request.RefreshToken!, session.ExpiresAt));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SignOut(RefreshRequest request, GatewayDbContext db, TimeProvider clock)
    {
        if (RefreshTokenErrors(request.RefreshToken) is { } invalid) return invalid;
        // An unknown or ended session answers the same: signing out twice is not an error.
        var hash = StaffSession.Hash(request.RefreshToken!);
        if (await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash) is { } session)
        {
            session.End(clock.GetUtcNow(), "signed out");
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return TypedResults.NoContent();
    }

    private static ValidationProblem? RefreshTokenErrors(string? refreshToken) =>
        string.IsNullOrEmpty(refreshToken) ? Problems.Invalid("refreshToken", "The refresh token the sign-in answered is required.")
        : refreshToken.Length > 100 || !refreshToken.StartsWith(StaffSession.TokenPrefix, StringComparison.Ordinal)
            ? Problems.Invalid("refreshToken", "Not a refresh token of this system.") : null;

    private static ProblemHttpResult SessionEnded() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "The session has ended.", detail: "Sign in again: the session was signed out, ran its 12 hours, or the account may no longer sign in.");

    private static ProblemHttpResult Refused() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in refused.", detail: "The username or password is wrong, or the account is locked or disabled.");
}
