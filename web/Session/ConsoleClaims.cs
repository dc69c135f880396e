using System.Security.Claims;

namespace Crm.Web.Session;

/// <summary>What the console's sign-in cookie carries (encrypted): who signed in, and the session's tokens from the gateway.</summary>
public static class ConsoleClaims
{
    public const string UserId = "sub";
    public const string Username = "username";
    public const string DisplayName = "name";
    public const string Role = "role";
    public const string StoreId = "store_id";
    public const string DesignerId = "designer_id";
    public const string AccessToken = "access_token";
    public const string AccessExpiresAt = "access_expires_at";
    public const string RefreshToken = "refresh_token";

    public static string? Find(this ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;

    /// <summary>Who runs a store's customer work (domain.md §6): register, dispatch, follow up.</summary>
    public static bool IsStoreStaff(ClaimsPrincipal user) =>
        user.IsInRole("ChainAdmin") || user.IsInRole("StoreManager") || user.IsInRole("CustomerManager");

    public static Guid? StoreOf(ClaimsPrincipal user) => Guid.TryParse(user.Find(StoreId), out var id) ? id : null;
}
