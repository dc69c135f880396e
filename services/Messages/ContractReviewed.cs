namespace Crm.Messages;

/// <summary>The store manager approved a signed contract.
/// Published by the contract service when the store manager approves a form. Consumed by the customer service
/// (the Reviewed milestone).
/// </summary>
public sealed record ContractReviewed : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required string FormSerial { get; init; }
    public required DateTimeOffset ReviewedAt { get; init; }
    public required string ReviewedBy { get; init; }
}
