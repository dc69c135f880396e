using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Gateway.Security;

/// <summary>
/// Issues short-lived ES256 tokens (staff; partners whose key was checked; the gateway itself), signed with "Auth:SigningKey" (base64 PKCS#8 of a P-256
/// key); the services check them with the matching public key.
/// </summary>
public sealed class TokenIssuer
{
    private readonly SigningCredentials _credentials;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    public TokenIssuer(IConfiguration configuration, TimeProvider clock)
    {
        var auth = configuration.GetSection("Auth");
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(auth["SigningKey"]
            ?? throw new InvalidOperationException("Auth:SigningKey is not configured: the gateway cannot sign tokens.")), out _);
        _credentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256);
        _issuer = auth["Issuer"] ?? StaffAuthentication.DefaultIssuer;
        _audience = auth["Audience"] ?? StaffAuthentication.DefaultAudience;
        _lifetime = auth.GetValue("TokenLifetime", TimeSpan.FromMinutes(15));
        _clock = clock;
    }

    public (string Token, DateTimeOffset ExpiresAt) Issue(StaffUser user)
    {
        var claims = new List<Claim>
        {
            new(StaffClaims.UserId, user.Id.ToString()),
            new(StaffClaims.Name, user.UserName ?? ""),
            new(StaffClaims.Role, user.Role),
        };
        if (user.StoreId is { } store) claims.Add(new Claim(StaffClaims.StoreId, store.ToString()));
        if (user.DesignerId is { } designer) claims.Add(new Claim(StaffClaims.DesignerId, designer.ToString()));
        return Create(claims, _lifetime);
    }

    /// <summary>The token a partner's request is forwarded with, once the gateway has checked its API key.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssuePartner(Guid partnerId, string partnerName, Guid keyId, int requestsPerMinute, TimeSpan lifetime) =>
        Create(
        [
            new(StaffClaims.UserId, partnerId.ToString()),
            new(StaffClaims.Name, partnerName),
            new(StaffClaims.Role, PartnerAccess.PartnerRole),
            new(PartnerAccess.KeyIdClaim, keyId.ToString()),
            new(PartnerAccess.RateLimitClaim, requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], lifetime);

    /// <summary>The gateway's own token, for asking the partner service whose key a request carries.</summary>
    public (string Token, DateTimeOffset ExpiresAt) IssueGateway(TimeSpan lifetime) =>
        Create([new(StaffClaims.UserId, "gateway"), new(StaffClaims.Name, "gateway"), new(StaffClaims.Role, PartnerAccess.GatewayRole)], lifetime);

    private (string Token, DateTimeOffset ExpiresAt) Create(List<Claim> claims, TimeSpan lifetime)
    {
        var now = _clock.GetUtcNow();
        var expires = now + lifetime;
        claims.Add(new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = _issuer,
            Audience = _audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
        return (token, expires);
    }
}
