namespace Crm.Messages;

/// <summary>A customer was registered at a store, with what dispatch needs to choose a designer.</summary>
public sealed record CustomerRegistered
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required string CustomerNo { get; init; }
    /// <summary>The source's English name from domain.md (WalkIn, Phone, ...).</summary>
    public required string Source { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The stage at registration: Registered, or AssignedToStore for a lead not yet met.</summary>
    public string Stage { get; init; } = "Registered";
    public Guid? RequestedDesignerId { get; init; }
    public string? SpecialRequest { get; init; }
    /// <summary>The budget for the works in yuan, if known.</summary>
    public decimal? Budget { get; init; }
    public decimal? AreaM2 { get; init; }
    /// <summary>New, SecondHand or OffPlan, if known.</summary>
    public string? HouseKind { get; init; }
    public DateOnly? DeliveryDate { get; init; }
    public IReadOnlyList<string> Styles { get; init; } = [];
}
