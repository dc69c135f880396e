using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Access;

/// <summary>
/// Every service checks the staff token itself (the gateway is not the only guard). Tokens are
/// ES256 JWTs from the gateway, checked against "Auth:PublicKey" (base64 SubjectPublicKeyInfo),
/// "Auth:Issuer" and "Auth:Audience"; or, with "Auth:Authority", from an OpenID Connect provider.
/// Every endpoint needs a signed-in caller unless it says otherwise.
/// </summary>
public static class StaffAuthentication
{
    public const string DefaultIssuer = "crm-gateway";
    public const string DefaultAudience = "crm-api";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => StoreScope.For(sp.GetRequiredService<IHttpContextAccessor>().HttpContext));
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            var auth = configuration.GetSection("Auth");
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth["Issuer"] ?? DefaultIssuer,
                ValidAudience = auth["Audience"] ?? DefaultAudience,
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = StaffClaims.Name,
                RoleClaimType = StaffClaims.Role,
            };
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                options.Authority = authority;
                options.TokenValidationParameters.ValidAlgorithms = null;
            }
            else
            {
                options.TokenValidationParameters.IssuerSigningKey = PublicKey(auth["PublicKey"]);
            }
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static SecurityKey PublicKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            throw new InvalidOperationException("Auth:PublicKey (or Auth:Authority) is not configured: the service cannot check staff tokens.");
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64), out _);
        return new ECDsaSecurityKey(key);
    }

    /// <summary>Limits an endpoint or group to the named roles of domain.md §6.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(",", roles) });
}
