namespace Crm.Customers.Domain;

/// <summary>
/// The basic information of §1 beyond name and phone: it changes rarely, and every change is logged.
/// Kept as one immutable value so that a change is a new value compared field by field.
/// </summary>
public sealed record BasicInfo
{
    public string? OtherContact { get; init; }
    public string? Address { get; init; }
    public Family? Family { get; init; }
    public IncomeBand? IncomeBand { get; init; }
    public Preferences? Preferences { get; init; }
    public House? House { get; init; }

    public static readonly BasicInfo Empty = new();
}

/// <summary>How many live in the home: the size, and of them the elderly and the children.</summary>
public sealed record Family(int? Size, int? Elderly, int? Children);

/// <summary>The styles the customer likes and the budget for the works, in yuan.</summary>
public sealed record Preferences(IReadOnlyList<string>? Styles, decimal? Budget);

/// <summary>The house to decorate. An off-plan house has the date it will be delivered.</summary>
public sealed record House(string? Community, string? Address, decimal? AreaM2, string? Layout, HouseKind? Kind, DateOnly? DeliveryDate);


/// <summary>The household's yearly income, in yuan.</summary>
public enum IncomeBand
{
    Under200K,
    From200KTo500K,
    From500KTo1M,
    Over1M,
}
