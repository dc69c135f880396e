using System.Security.Cryptography;

namespace Crm.AppHost.Infrastructure;

/// <summary>
/// The key pair of staff tokens: "Auth:SigningKey" (base64 PKCS#8, P-256) when configured, else a
/// development key generated once into the data folder and never committed. The gateway gets the
/// private key; every service the public one.
/// </summary>
public static class SigningKeys
{
    public static (string PrivateKey, string PublicKey) ReadOrCreate(IConfiguration configuration, string dataDir)
    {
        var configured = configuration["Auth:SigningKey"];
        var privateKey = string.IsNullOrWhiteSpace(configured) ? FromFile(Path.Combine(dataDir, "token-signing-key")) : configured;
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(privateKey), out _);
        return (privateKey, Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    private static string FromFile(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var created = Convert.ToBase64String(key.ExportPkcs8PrivateKey());
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, created);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return created;
    }
}
