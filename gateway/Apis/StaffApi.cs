using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Apis;

/// <summary>Staff accounts: ChainAdmin for every store; a store manager for the staff of their own store.</summary>
public static class StaffApi
{
    /// <summary>The roles a store manager may give; the others are the chain's to give.</summary>
    private static readonly string[] StoreManagerGrants = [StaffRoles.CustomerManager, StaffRoles.Designer, StaffRoles.Finance];
    private static readonly string[] ChainWideRoles = [StaffRoles.ChainAdmin, StaffRoles.Marketing];

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/staff").WithTags("Staff").RequireRoles(StaffRoles.ChainAdmin, StaffRoles.StoreManager);
        staff.MapPost("/", Create).WithSummary("Creates a staff account.");
        staff.MapGet("/", List).WithSummary("Lists the staff accounts the caller may see.");
        staff.MapGet("/{id:guid}", Get).WithSummary("Reads a staff account.");
        // Every staff member reads their own account: the store console shows who is signed in.
        routes.MapGet("/api/staff/me", Me).WithTags("Staff").WithSummary("The caller's own staff account.").RequireRoles(StaffRoles.All);
        staff.MapPatch("/{id:guid}", Change).WithSummary("Renames a staff account, or disables it (it can no longer sign in) and enables it again.");
        return routes;
    }

    public sealed record CreateStaffRequest(string? Username, string? Password, string? DisplayName, string? Role, Guid? StoreId, Guid? DesignerId);

    public sealed record ChangeStaffRequest(string? DisplayName, bool? Disabled);

    public sealed record StaffResponse(Guid Id, string Username, string DisplayName, string Role, Guid? StoreId, Guid? DesignerId, bool Disabled, DateTimeOffset CreatedAt)
    {
        public static StaffResponse From(StaffUser u) => new(u.Id, u.UserName ?? "", u.DisplayName, u.Role, u.StoreId, u.DesignerId, u.Disabled, u.CreatedAt);
    }

    private static async Task<Results<Ok<StaffResponse>, NotFound>> Me(ClaimsPrincipal caller, GatewayDbContext db, CancellationToken cancellationToken) =>
        Guid.TryParse(caller.FindFirstValue(StaffClaims.UserId), out var id) && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? TypedResults.Ok(StaffResponse.From(user))
            : TypedResults.NotFound();

    private static async Task<Results<Created<StaffResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateStaffRequest request, ClaimsPrincipal caller, StaffAccounts accounts, GatewayDbContext db, Arrivals arrivals, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = Scope(caller);
        var storeId = request.StoreId ?? scope.OwnStore;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Username)) errors.Add("username", "The username is required.");
        if (string.IsNullOrWhiteSpace(request.DisplayName)) errors.Add("displayName", "The display name is required.");
        if (request.Role is null || !StaffRoles.All.Contains(request.Role))
            errors.Add("role", $"The role is one of {string.Join(", ", StaffRoles.All)}.");
        else if (!scope.IsChainAdmin && !StoreManagerGrants.Contains(request.Role))
            errors.Add("role", $"A store manager may create {string.Join(", ", StoreManagerGrants)} accounts.");
        else if (ChainWideRoles.Contains(request.Role) && storeId is not null && request.StoreId is not null)
            errors.Add("storeId", $"A {request.Role} works for the whole chain, not one store.");
        else if (!ChainWideRoles.Contains(request.Role) && storeId is null)
            errors.Add("storeId", "The store is required for this role.");
        if (request.Role == StaffRoles.Designer && request.DesignerId is null) errors.Add("designerId", "A designer account names its designer.");
        if (request.Role != StaffRoles.Designer && request.DesignerId is not null) errors.Add("designerId", "Only designer accounts name a designer.");
        if (errors.Any) return Problems.Invalid(errors);

        var chainWide = ChainWideRoles.Contains(request.Role!);
        if (!chainWide)
        {
            // Another store does not exist for a store manager.
            var visible = scope.IsChainAdmin || storeId == scope.OwnStore;
            if (!visible) return Problems.Invalid("storeId", "No store with that id.");
            // A store opened a moment ago may not have reached the gateway yet: wait for it a little.
            var arrival = await arrivals.AwaitAsync(storeId!.Value, ct => db.Stores.AnyAsync(s => s.Id == storeId, ct), cancellationToken);
            if (arrival == Arrival.OnItsWay) return Problems.Arriving("store");
            if (arrival == Arrival.Unknown) return Problems.Invalid("storeId", "No store with that id.");
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Username!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!,
            StoreId = chainWide ? null : storeId,
            DesignerId = request.DesignerId,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = caller.FindFirstValue(StaffClaims.UserId) ?? "",
        };
        var result = await accounts.OpenAsync(user, request.Password ?? "");
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                return Problems.Conflict("duplicate-username", $"The username {user.UserName} is taken.");
            foreach (var error in result.Errors)
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "username", error.Description);
            return Problems.Invalid(errors);
        }
        return TypedResults.Created($"/api/staff/{user.Id}", StaffResponse.From(user));
    }

    private static async Task<Results<Ok<ListPage<StaffResponse>>, ValidationProblem>> List(
        Guid? storeId, string? role, int? page, int? pageSize, ClaimsPrincipal caller, GatewayDbContext db)
    {
        var errors = new FieldErrors();
        var paging = PageRequest.From(page, pageSize, errors);
        if (errors.Any) return Problems.Invalid(errors);

        var query = Visible(db, Scope(caller));
        if (storeId is not null) query = query.Where(u => u.StoreId == storeId);
        if (role is not null) query = query.Where(u => u.Role == role);
        var total = await query.LongCountAsync();
        var items = await query.OrderBy(u => u.UserName).Skip(paging.Skip).Take(paging.PageSize).ToListAsync();
        return TypedResults.Ok(new ListPage<StaffResponse>(items.ConvertAll(StaffResponse.From), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<StaffResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal caller, GatewayDbContext db)
    {
        var user = await Visible(db, Scope(caller)).FirstOrDefaultAsync(u => u.Id == id);
        return user is null ? Problems.NotFound("staff account") : TypedResults.Ok(StaffResponse.From(user));
    }

    /// <summary>A store manager changes the accounts of their own store that they may create; ChainAdmin any.</summary>
    private static async Task<Results<Ok<StaffResponse>, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, ChangeStaffRequest request, ClaimsPrincipal caller, StaffAccounts accounts, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.DisplayName is { } name && (string.IsNullOrWhiteSpace(name) || name.Trim().Length > TextLimits.Name))
            errors.Add("displayName", $"A display name of 1 to {TextLimits.Name} characters.");
        if (errors.Any) return Problems.Invalid(errors);
        var scope = Scope(caller);
        var visible = await Visible(db, scope).AnyAsync(u => u.Id == id, cancellationToken);
        var user = visible ? await db.Users.SingleAsync(u => u.Id == id, cancellationToken) : null;
        if (user is null) return Problems.NotFound("staff account");
        if (!scope.IsChainAdmin && !StoreManagerGrants.Contains(user.Role)) return Problems.Forbidden($"A store manager changes {string.Join(", ", StoreManagerGrants)} accounts.");
        if (user.Id.ToString() == caller.FindFirstValue(StaffClaims.UserId) && request.Disabled == true) return Problems.Invalid("disabled", "You cannot disable your own account.");

        var displayName = request.DisplayName?.Trim() ?? user.DisplayName;
        var disabled = request.Disabled ?? user.Disabled;
        if (displayName == user.DisplayName && disabled == user.Disabled) return TypedResults.Ok(StaffResponse.From(user));
        (user.DisplayName, user.Disabled) = (displayName, disabled);
        var result = await accounts.ChangeAsync(user);
        if (!result.Succeeded) return Problems.Invalid("$", string.Join(" ", result.Errors.Select(e => e.Description)));
        return TypedResults.Ok(StaffResponse.From(user));
    }

    private static IQueryable<StaffUser> Visible(GatewayDbContext db, (bool IsChainAdmin, Guid? OwnStore) scope) =>
        scope.IsChainAdmin ? db.Users.AsNoTracking() : db.Users.AsNoTracking().Where(u => u.StoreId != null && u.StoreId == scope.OwnStore);

    private static (bool IsChainAdmin, Guid? OwnStore) Scope(ClaimsPrincipal caller) =>
        (caller.FindFirstValue(StaffClaims.Role) == StaffRoles.ChainAdmin,
         Guid.TryParse(caller.FindFirstValue(StaffClaims.StoreId), out var store) ? store : null);
}
