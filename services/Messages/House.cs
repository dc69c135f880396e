namespace Crm.Messages;

/// <summary>The house to decorate. An off-plan house has the date it will be delivered.</summary>
public sealed record House(string? Community, string? Address, decimal? AreaM2, string? Layout, HouseKind? Kind, DateOnly? DeliveryDate);
