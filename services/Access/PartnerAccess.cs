using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Crm.Access;

/// <summary>
/// Callers that are not staff. A partner's API key is checked by the gateway, which forwards the request with a
/// short-lived token of role <see cref="PartnerRole"/> whose subject is the partner; the gateway itself calls the
/// partner service with role <see cref="GatewayRole"/> to look keys up. Staff roles never include these.
/// </summary>
public static class PartnerAccess
{
    public const string PartnerRole = "Partner";
    public const string GatewayRole = "Gateway";
    /// <summary>The key the request came with (its id, not the key).</summary>
    public const string KeyIdClaim = "key_id";
    /// <summary>The partner's requests per minute, for the gateway's rate limit.</summary>
    public const string RateLimitClaim = "rate_limit";

    /// <summary>The partner a request comes from, or null when it is not a partner's.</summary>
    public static PartnerCaller? Caller(HttpContext? http)
    {
        var user = http?.User;
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(StaffClaims.Role) != PartnerRole) return null;
        return Guid.TryParse(user.FindFirstValue(StaffClaims.UserId), out var partner) && Guid.TryParse(user.FindFirstValue(KeyIdClaim), out var key)
            ? new PartnerCaller(partner, key, user.FindFirstValue(StaffClaims.Name) ?? "")
            : null;
    }
}

/// <summary>A partner calling through the gateway with one of its keys.</summary>
public sealed record PartnerCaller(Guid PartnerId, Guid KeyId, string Name);
