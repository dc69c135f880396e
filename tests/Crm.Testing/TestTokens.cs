using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Testing;

/// <summary>
/// Staff tokens for service tests, signed like the gateway's (ES256, same issuer and audience)
/// with a key pair of the test process; services under test get <see cref="PublicKey"/>.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "crm-gateway";
    public const string Audience = "crm-api";

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicKey { get; } = Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());
    public static string PrivateKey { get; } = Convert.ToBase64String(Key.ExportPkcs8PrivateKey());

    public static string For(string role, Guid? storeId = null, Guid? designerId = null, Guid? userId = null) =>
        Issue(role, storeId, designerId, userId ?? Guid.NewGuid(), Key, Issuer, Audience, DateTime.UtcNow.AddMinutes(10));

    /// <summary>Any token at all, for the tests that must see bad ones refused.</summary>
    public static string Issue(string role, Guid? storeId, Guid? designerId, Guid userId, ECDsa key, string issuer, string audience, DateTime expires)
    {
        var claims = new List<Claim> { new("sub", userId.ToString()), new("name", $"test-{role}"), new("role", role) };
        if (storeId is { } store) claims.Add(new Claim("store_id", store.ToString()));
        if (designerId is { } designer) claims.Add(new Claim("designer_id", designer.ToString()));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddHours(-1),
            IssuedAt = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    /// <summary>The token the gateway forwards a partner's request with, once it has checked the partner's key.</summary>
    public static string ForPartner(Guid partnerId, Guid keyId, string name = "test-partner")
    {
        var claims = new List<Claim> { new("sub", partnerId.ToString()), new("name", name), new("role", "Partner"), new("key_id", keyId.ToString()) };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(Key), SecurityAlgorithms.EcdsaSha256),
        });
    }

    public static HttpClient As(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
