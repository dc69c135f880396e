using System.Security.Cryptography;

namespace Crm.AppHost.Infrastructure;

/// <summary>A generated password kept beside the local data, so a second start opens the same databases.</summary>
public static class LocalSecret
{
    public static string ReadOrCreate(string dataDir, string name)
    {
        var path = Path.Combine(dataDir, name);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();

        var secret = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
        File.WriteAllText(path, secret);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return secret;
    }
}
