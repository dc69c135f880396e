using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Crm.Gateway.Security;

public sealed class PartnerKeyOptions
{
    /// <summary>How long a key's holder is remembered: a revoked key is refused at most this long after (under a minute).</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an unknown key is remembered as unknown, so that guessing does not reach the partner service each time.</summary>
    public TimeSpan ForgetUnknownAfter { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Finds whose an API key is: the key's SHA-256 is looked up in the partner service (which keeps only hashes), and the
/// answer kept briefly. The partner's request then goes on with a short-lived token of role Partner, which the
/// services check like a staff token.
/// </summary>
public sealed class PartnerKeys(HttpClient partners, IMemoryCache cache, TokenIssuer tokens, IOptions<PartnerKeyOptions> options)
{
    public const string Header = "X-Api-Key";

    private sealed record KeyHolder(Guid PartnerId, Guid KeyId, string PartnerName, int RequestsPerMinute);

    /// <summary>The token to forward the request with, or null when the key is unknown, revoked or its partner disabled.</summary>
    public async Task<string?> TokenForAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (cache.TryGetValue<string?>("partner-key:" + hash, out var known)) return known;
        var holder = await LookUpAsync(hash, cancellationToken);
        var lifetime = options.Value.CacheFor;
        var token = holder is null ? null : tokens.IssuePartner(holder.PartnerId, holder.PartnerName, holder.KeyId, holder.RequestsPerMinute, lifetime + TimeSpan.FromMinutes(1)).Token;
        cache.Set("partner-key:" + hash, token, token is null ? options.Value.ForgetUnknownAfter : lifetime);
        return token;
    }

    private async Task<KeyHolder?> LookUpAsync(string hash, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/internal/api-keys/lookup") { Content = JsonContent.Create(new { keyHash = hash }) };
        request.Headers.Authorization = new("Bearer", GatewayToken());
        using var response = await partners.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<KeyHolder>(cancellationToken);
    }

    private string GatewayToken() => cache.GetOrCreate("gateway-token", entry =>
    {
        entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(4);
        return tokens.IssueGateway(TimeSpan.FromMinutes(5)).Token;
    })!;
}

/// <summary>
/// A request with X-Api-Key is a partner's: it may call the partner API only, with its key alone (no staff token
/// beside it), and goes on with the partner's token. An unknown or revoked key is 401; the partner service not
/// answering is 503, never a silent refusal.
/// </summary>
public static class PartnerKeyAuthentication
{
    /// <summary>The paths a partner key may call.</summary>
    private static readonly PathString[] PartnerPaths = ["/api/leads"];

    public static IServiceCollection AddPartnerKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddOptions<PartnerKeyOptions>().BindConfiguration("PartnerKeys");
        services.AddHttpClient<PartnerKeys>(client =>
        {
            client.BaseAddress = new Uri(configuration["PartnerKeys:Service"] ?? "http://partners");
            client.Timeout = TimeSpan.FromSeconds(5);
        });
        return services;
    }

    public static IApplicationBuilder UsePartnerKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(PartnerKeys.Header, out var values)) { await next(context); return; }
        if (request.Headers.Authorization.Count > 0)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "Send one credential.", "An API key or a staff token, not both.");
            return;
        }
        if (!PartnerPaths.Any(p => request.Path.StartsWithSegments(p)))
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "An API key may call the partner API only.",
                $"Partner keys are for {string.Join(", ", PartnerPaths.Select(p => p.Value))}; store staff sign in at /auth/token.", "partner-route-only");
            return;
        }
        string? token;
        try
        {
            token = await context.RequestServices.GetRequiredService<PartnerKeys>().TokenForAsync(values.ToString(), context.RequestAborted);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Headers.RetryAfter = "5";
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "API keys cannot be checked just now.", "Try again in a few seconds.");
            return;
        }
        if (token is null)
        {
            context.Response.Headers.WWWAuthenticate = "ApiKey";
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "The API key is not valid.", "The key is unknown or revoked, or its partner is disabled.");
            return;
        }
        request.Headers.Remove(PartnerKeys.Header);
        request.Headers.Authorization = "Bearer " + token;
        await next(context);
    });

    private static Task RefuseAsync(HttpContext context, int status, string title, string detail, string? code = null)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail,
            extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code }).ExecuteAsync(context);
    }
}
