using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Crm.Access;

/// <summary>
/// Which stores' records the current caller may see. A staff member sees their own store only (a
/// designer only their own customers in it); ChainAdmin sees every store; so does the service
/// itself when it works outside any request (consuming events, starting up). A request without a
/// valid token sees nothing.
/// </summary>
public sealed class StoreScope
{
    public static readonly StoreScope System = new(allStores: true, Guid.Empty, null, null, null);
    public static readonly StoreScope Nothing = new(allStores: false, Guid.Empty, null, null, null);

    private StoreScope(bool allStores, Guid storeId, Guid? designerId, string? userId, string? role, string? userName = null)
    {
        UserName = userName;
        AllStores = allStores;
        StoreId = storeId;
        DesignerId = designerId;
        UserId = userId;
        Role = role;
    }

    public bool AllStores { get; }
    /// <summary>The caller's store; Guid.Empty when the caller has none.</summary>
    public Guid StoreId { get; }
    /// <summary>Set for designers: they see only customers dispatched to them.</summary>
    public Guid? DesignerId { get; }
    public string? UserId { get; }
    public string? Role { get; }
    /// <summary>The caller's display name, kept beside the id on the records they leave.</summary>
    public string? UserName { get; }

    public bool IsDesigner => Role == StaffRoles.Designer;

    /// <summary>Set for home consultants (their own account id): they see only the customers they are named on.</summary>
    public Guid? ConsultantId => Role == StaffRoles.HomeConsultant ? Guid.TryParse(UserId, out var id) ? id : Guid.Empty : null;

    /// <summary>Whether a record of this store may be seen or changed by the caller.</summary>
    public bool Covers(Guid storeId) => AllStores || (StoreId != Guid.Empty && storeId == StoreId);

    /// <summary>
    /// The store a request works in: the one it names, else the caller's own (staff work in their store
    /// without naming it); null for ChainAdmin, who must name one.
    /// </summary>
    public Guid? StoreOr(Guid? named) => named ?? (AllStores || StoreId == Guid.Empty ? null : StoreId);

    /// <summary>Who did it, for the records a change leaves behind.</summary>
    public string Actor => UserId ?? "system";

    public string ActorName => UserName ?? UserId ?? "system";

    public static StoreScope For(HttpContext? http)
    {
        if (http is null) return System;
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return Nothing;
        var role = user.FindFirstValue(StaffClaims.Role);
        var userId = user.FindFirstValue(StaffClaims.UserId);
        var name = user.FindFirstValue(StaffClaims.Name);
        if (role == StaffRoles.ChainAdmin) return new StoreScope(true, Guid.Empty, null, userId, role, name);
        var store = Guid.TryParse(user.FindFirstValue(StaffClaims.StoreId), out var s) ? s : Guid.Empty;
        Guid? designer = role == StaffRoles.Designer
            ? Guid.TryParse(user.FindFirstValue(StaffClaims.DesignerId), out var d) ? d : Guid.Empty
            : null;
        return new StoreScope(false, store, designer, userId, role, name);
    }
}
