namespace Crm.Gateway.Data;

/// <summary>The demo staff of api.md's development seed, named after their store: sh01.manager, sh01.cm, sh01.finance.</summary>
internal static class DemoStaff
{
    private static readonly (string Suffix, string Role, string Title)[] Accounts =
    [
        ("manager", StaffRoles.StoreManager, "店面经理"),
        ("cm", StaffRoles.CustomerManager, "客户经理"),
        ("finance", StaffRoles.Finance, "财务"),
    ];

    public static IEnumerable<StaffUser> For(StoreOpened store, DateTimeOffset now) => Accounts.Select(a =>
    {
        var username = $"{store.Code.ToLowerInvariant()}.{a.Suffix}";
        return new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = username,
            NormalizedUserName = username.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = $"{store.Name} {a.Title}",
            Role = a.Role,
            StoreId = store.StoreId,
            CreatedAt = now,
            CreatedBy = "seed",
        };
    });

    public static StaffUser Designer(StoreCopy store, DesignerJoined designer, DateTimeOffset now)
    {
        var username = $"{store.Code.ToLowerInvariant()}.designer{designer.RosterNumber}";
        return new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = username,
            NormalizedUserName = username.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = designer.Name,
            Role = StaffRoles.Designer,
            StoreId = store.Id,
            DesignerId = designer.DesignerId,
            CreatedAt = now,
            CreatedBy = "seed",
        };
    }
}
