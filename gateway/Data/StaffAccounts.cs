using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Data;

/// <summary>
/// Opening and changing staff accounts, each announced through the gateway's outbox in the same save as the
/// account itself (<see cref="StaffAccountOpened"/>, <see cref="StaffAccountChanged"/>), so that the services
/// that keep a copy of the staff never miss one. Every path that creates or changes an account goes through here.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, GatewayDbContext db, TimeProvider clock)
{
    public async Task<IdentityResult> OpenAsync(StaffUser user, string password)
    {
        db.Publish(new StaffAccountOpened
        {
            UserId = user.Id, Username = user.UserName ?? "", DisplayName = user.DisplayName, Role = user.Role,
            StoreId = user.StoreId, DesignerId = user.DesignerId, Active = !user.Disabled, At = user.CreatedAt,
        }, clock);
        return Unpublished(await users.CreateAsync(user, password));
    }

    public async Task<IdentityResult> ChangeAsync(StaffUser user)
    {
        db.Publish(new StaffAccountChanged
        {
            UserId = user.Id, Username = user.UserName ?? "", DisplayName = user.DisplayName, Role = user.Role,
            StoreId = user.StoreId, DesignerId = user.DesignerId, Active = !user.Disabled, At = clock.GetUtcNow(),
        }, clock);
        return Unpublished(await users.UpdateAsync(user));
    }

    /// <summary>An account refused by Identity was not saved: neither is its announcement.</summary>
    private IdentityResult Unpublished(IdentityResult result)
    {
        if (!result.Succeeded)
            foreach (var pending in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
                pending.State = EntityState.Detached;
        return result;
    }
}
