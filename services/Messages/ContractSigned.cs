namespace Crm.Messages;

/// <summary>A contract form was signed: the contract of a customer with a designer.</summary>
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
