namespace Crm.Messages;

/// <summary>A customer's basic information changed; carries the figures other services keep (house, budget, styles).</summary>
public sealed record CustomerDetailsChanged : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    /// <summary>The changed fields as the API names them (e.g. "house.kind").</summary>
    public required IReadOnlyList<string> Fields { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
    public decimal? Budget { get; init; }
    public decimal? AreaM2 { get; init; }
    public HouseKind? HouseKind { get; init; }
    public DateOnly? DeliveryDate { get; init; }
    public IReadOnlyList<string> Styles { get; init; } = [];
    public string? SpecialRequest { get; init; }
    /// <summary>The completeness rate of the basic information (0 to 1) as it now stands: the reports' completeness.</summary>
    public decimal? Completeness { get; init; }
    /// <summary>The normalised phone as it now stands.</summary>
    public string? Phone { get; init; }
}
