namespace Crm.Messages;

/// <summary>
/// A contract form was signed: the contract of a customer with a designer.
/// Published by the contract service when a form's signing is recorded. Consumed by the customer service (the
/// ContractSigned milestone, which dispatch and the contract service's requisition then learn of).
/// </summary>
public sealed record ContractSigned : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    public required Guid DesignerId { get; init; }
    public required string FormSerial { get; init; }
    public required decimal Amount { get; init; }
    public required decimal AreaM2 { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
    public required string RecordedBy { get; init; }
}
