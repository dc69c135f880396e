using System.Globalization;

namespace Crm.Gateway.Security;

/// <summary>
/// Requests per minute for each signed-in user (by user id), each partner (its own figure) or, before sign-in, each address.
/// Sign-in attempts have limits of their own: per account and address (<see cref="SignInAttempts"/>), and a higher
/// ceiling per address, so that a store's staff signing in behind one address each morning are not locked out together,
/// while guessing one account's password meets the account lockout. Over a limit: 429 with Retry-After.
/// The counts are shared by every instance of the gateway (<see cref="RateWindows"/>).
/// </summary>
public sealed class RateLimits(RequestDelegate next, RateWindows windows, IConfiguration configuration)
{
    private readonly int _perUser = configuration.GetValue("RateLimits:PerMinute", 600);
    private readonly int _signIns = configuration.GetValue("RateLimits:SignInsPerMinute", 300);
    private readonly int _consolePerAddress = configuration.GetValue("RateLimits:ConsolePerAddressPerMinute", 6000);

    public async Task InvokeAsync(HttpContext context)
    {
        if (Partition(context) is { } partition)
        {
            var (allowed, retryAfter) = await windows.CountAsync(partition.Key, partition.Permits, context.RequestAborted);
            if (!allowed)
            {
                await RefuseAsync(context, retryAfter);
                return;
            }
        }
        if (context.GetEndpoint()?.Metadata.GetMetadata<SignInEndpoint>() is not null)
        {
            var (allowed, retryAfter) = await windows.CountAsync("sign-in:" + Address(context), _signIns, context.RequestAborted);
            if (!allowed)
            {
                await RefuseAsync(context, retryAfter);
                return;
            }
        }
        await next(context);
    }

    /// <summary>Whose requests this one counts against, and how many a minute they may make; none for health probes.</summary>
    private (string Key, int Permits)? Partition(HttpContext context)
    {
        if (IsProbe(context)) return null;
        // A store's browsers share one address: the console's pages, files and live connections have a limit of their own
        // per address (the API calls behind them are limited per user, as every API call is).
        if (ConsoleRoute.Serves(context.Request.Path)) return ("console:" + Address(context), _consolePerAddress);
        // Each partner has its own limit, carried in its token by the gateway (the partner's requestsPerMinute).
        if (PartnerAccess.Caller(context) is { } partner && int.TryParse(context.User.FindFirst(PartnerAccess.RateLimitClaim)?.Value, out var permits))
            return ($"partner:{partner.PartnerId}", permits);
        return (CallerKey(context), _perUser);
    }

    public static async Task RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
            detail: $"Try again in {context.Response.Headers.RetryAfter} s.").ExecuteAsync(context);
    }

    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");

    private static string CallerKey(HttpContext context) =>
        context.User.FindFirst(StaffClaims.UserId)?.Value is { } user ? "user:" + user : "address:" + Address(context);

    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Marks the sign-in endpoints, which also count against their address's sign-in ceiling.</summary>
    public sealed class SignInEndpoint;

    /// <summary>Sign-in attempts of one account from one address: at most "RateLimits:SignInsPerAccountPerMinute" (10) a minute.</summary>
    public sealed class SignInAttempts(RateWindows windows, IConfiguration configuration)
    {
        private readonly int _permits = configuration.GetValue("RateLimits:SignInsPerAccountPerMinute", 10);

        /// <summary>Whether this attempt is within the limit; if not, when to try again.</summary>
        public Task<(bool Allowed, TimeSpan RetryAfter)> TryAttemptAsync(string username, HttpContext context, CancellationToken cancellationToken) =>
            windows.CountAsync($"sign-in-account:{username.ToLowerInvariant()}|{Address(context)}", _permits, cancellationToken);
    }
}

public static class RateLimitRegistration
{
    /// <summary>The shared request counts (the gateway's database, its own connection pool) and their cleanup.</summary>
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(configuration.GetConnectionString("gatewaydb")
            ?? throw new InvalidOperationException("The connection string 'gatewaydb' is not configured.")));
        services.AddSingleton<RateWindows>();
        services.AddSingleton<RateLimits.SignInAttempts>();
        services.AddHostedService<RateWindowCleanup>();
        return services;
    }

    /// <summary>Counts the endpoint's requests against the sign-in ceiling of the caller's address too.</summary>
    public static RouteHandlerBuilder RequireSignInLimit(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(new RateLimits.SignInEndpoint());
}
