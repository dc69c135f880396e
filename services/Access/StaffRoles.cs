namespace Crm.Access;

/// <summary>The roles of domain.md §6, as tokens carry them.</summary>
public static class StaffRoles
{
    public const string ChainAdmin = nameof(ChainAdmin);
    public const string StoreManager = nameof(StoreManager);
    public const string CustomerManager = nameof(CustomerManager);
    public const string Designer = nameof(Designer);
    public const string Finance = nameof(Finance);
    public const string Marketing = nameof(Marketing);
    /// <summary>家装顾问: sees the customers they are named on, follows them up and raises their problems.</summary>
    public const string HomeConsultant = nameof(HomeConsultant);

    public static readonly string[] All = [ChainAdmin, StoreManager, CustomerManager, Designer, Finance, Marketing, HomeConsultant];

    /// <summary>Who runs a store's customer work: register, dispatch, follow up, hold forms.</summary>
    public static readonly string[] StoreStaff = [ChainAdmin, StoreManager, CustomerManager];
}

/// <summary>The claims of a staff token.</summary>
public static class StaffClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string StoreId = "store_id";
    public const string DesignerId = "designer_id";
}
