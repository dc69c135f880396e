using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Domain;

/// <summary>A staff account. Identity keeps the password hash, lockout and security stamp.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>Null for chain-wide roles (ChainAdmin, Marketing).</summary>
    public Guid? StoreId { get; set; }
    /// <summary>For designers: their record in the dispatch service.</summary>
    public Guid? DesignerId { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
