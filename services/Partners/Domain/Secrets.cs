using System.Security.Cryptography;
using System.Text;

namespace Crm.Partners.Domain;

/// <summary>Random secrets (API keys, webhook secrets) and the one-way hash keys are found by.</summary>
public static class Secrets
{
    /// <summary>A prefix that says what the secret is, then 256 random bits in URL-safe base64.</summary>
    public static string New(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>
    /// SHA-256, hex. A key has 256 random bits, so a fast hash is enough: there is nothing to guess from it, and
    /// the lookup on every partner request stays cheap (a slow password hash would be needed only for chosen secrets).
    /// </summary>
    public static string Hash(string secret) => HashBytes(Encoding.UTF8.GetBytes(secret));

    public static string HashBytes(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
