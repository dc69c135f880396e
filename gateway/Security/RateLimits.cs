using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Crm.Gateway.Security;

/// <summary>
/// Requests per minute for each signed-in user (by user id), each partner (its own figure) or, before sign-in, each address.
/// Sign-in attempts have limits of their own: per account and address (<see cref="SignInAttempts"/>), and a higher
/// ceiling per address, so that a store's staff signing in behind one address each morning are not locked out together,
/// while guessing one account's password meets the account lockout. Over a limit: 429 with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perUser = configuration.GetValue("RateLimits:PerMinute", 600);
        var signIns = configuration.GetValue("RateLimits:SignInsPerMinute", 300);
        var consolePerAddress = configuration.GetValue("RateLimits:ConsolePerAddressPerMinute", 6000);
        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsProbe(context)) return RateLimitPartition.GetNoLimiter("probe");
                // A store's browsers share one address: the console's pages, files and live connections have a limit of their own
                // per address (the API calls behind them are limited per user, as every API call is).
                if (ConsoleRoute.Serves(context.Request.Path)) return RateLimitPartition.GetFixedWindowLimiter("console:" + Address(context), _ => Window(consolePerAddress));
                // Each partner has its own limit, carried in its token by the gateway (the partner's requestsPerMinute).
                if (PartnerAccess.Caller(context) is { } partner && int.TryParse(context.User.FindFirst(PartnerAccess.RateLimitClaim)?.Value, out var permits))
                    return RateLimitPartition.GetFixedWindowLimiter($"partner:{partner.PartnerId}:{permits}", _ => Window(permits));
                return RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => Window(perUser));
            });
            options.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Address(context), _ => Window(signIns)));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                    detail: $"Try again in {http.Response.Headers.RetryAfter} s.").ExecuteAsync(http);
            };
        });
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };

    private static bool IsProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/alive");

    private static string CallerKey(HttpContext context) =>
        context.User.FindFirst(StaffClaims.UserId)?.Value is { } user ? "user:" + user : "address:" + Address(context);

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Sign-in attempts of one account from one address: at most "RateLimits:SignInsPerAccountPerMinute" (10) a minute.</summary>
    public sealed class SignInAttempts(IConfiguration configuration) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(configuration.GetValue("RateLimits:SignInsPerAccountPerMinute", 10))));

        /// <summary>Whether this attempt is within the limit; if not, when to try again.</summary>
        public (bool Allowed, TimeSpan RetryAfter) TryAttempt(string username, HttpContext context)
        {
            using var lease = _limiter.AttemptAcquire($"{username.ToLowerInvariant()}|{Address(context)}");
            return (lease.IsAcquired, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
        }

        public void Dispose() => _limiter.Dispose();
    }
}
