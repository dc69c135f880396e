namespace Crm.Messages;

/// <summary>
/// A customer's home consultant (家装顾问) was named, changed or cleared. Published by the customer service;
/// consumed by the follow-up service (key-attention tasks name the consultant).
/// </summary>
public sealed record ConsultantNamed : IStoreEvent
{
    public required Guid StoreId { get; init; }
    public required Guid CustomerId { get; init; }
    /// <summary>None when the customer no longer has a consultant.</summary>
    public Guid? ConsultantId { get; init; }
    public string? ConsultantName { get; init; }
    public required string NamedBy { get; init; }
    public required DateTimeOffset At { get; init; }
}
