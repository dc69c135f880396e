namespace Crm.Messages;

/// <summary>A customer was registered at a store, with what dispatch needs to choose a designer.</summary>
public sealed record CustomerRegistered : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required string CustomerNo { get; init; }
    public required CustomerSource Source { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The stage at registration: Registered, or AssignedToStore for a lead not yet met.</summary>
    public CustomerStage Stage { get; init; } = CustomerStage.Registered;
    public Guid? RequestedDesignerId { get; init; }
    public string? SpecialRequest { get; init; }
    /// <summary>The budget for the works in yuan, if known.</summary>
    public decimal? Budget { get; init; }
    public decimal? AreaM2 { get; init; }
    public HouseKind? HouseKind { get; init; }
    public DateOnly? DeliveryDate { get; init; }
    public IReadOnlyList<string> Styles { get; init; } = [];
    /// <summary>Who registered the customer (a staff account's id), and their name: the follow-up tasks' assignee.</summary>
    public string? RegisteredBy { get; init; }
    public string? RegisteredByName { get; init; }
    /// <summary>The completeness rate of the basic information (0 to 1) as it now stands: the reports' completeness.</summary>
    public decimal? Completeness { get; init; }
    /// <summary>The lead the customer was registered from, if any.</summary>
    public Guid? LeadId { get; init; }
    /// <summary>The normalised phone, the chain-wide dedupe key: lead intake answers a known phone as a duplicate.</summary>
    public string? Phone { get; init; }
}
