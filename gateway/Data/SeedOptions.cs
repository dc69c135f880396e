namespace Crm.Gateway.Data;

public sealed class SeedOptions
{
    /// <summary>Development: every store that opens gets a store manager, a customer manager and finance.</summary>
    public bool Demo { get; set; }
    /// <summary>The ChainAdmin "admin" is created with this password when no account exists yet.</summary>
    public string? AdminPassword { get; set; }
    public string StorePassword { get; set; } = "Store#2026";
}
