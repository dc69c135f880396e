namespace Crm.Messages;

/// <summary>A customer was registered at a store.</summary>
public sealed record CustomerRegistered
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required string CustomerNo { get; init; }
    /// <summary>The source's English name from domain.md (WalkIn, Phone, ...).</summary>
    public required string Source { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public Guid? RequestedDesignerId { get; init; }
}
