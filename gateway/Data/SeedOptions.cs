namespace Crm.Gateway.Data;

public sealed class SeedOptions
{
    /// <summary>The ChainAdmin "admin" is created with this password when no account exists yet.</summary>
    public string? AdminPassword { get; set; }
}
