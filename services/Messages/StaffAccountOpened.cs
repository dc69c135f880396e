namespace Crm.Messages;

/// <summary>
/// A staff account was created. Published by the gateway, which owns the accounts. Consumed by the contract
/// service, to know who may receive contract forms; for the follow-up service's assignees later.
/// Not a store event: the chain's own staff belong to no store.
/// </summary>
public sealed record StaffAccountOpened
{
    public required Guid UserId { get; init; }
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public Guid? StoreId { get; init; }
    public Guid? DesignerId { get; init; }
    public required bool Active { get; init; }
    public required DateTimeOffset At { get; init; }
}
