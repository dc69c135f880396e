namespace Crm.Messages;

/// <summary>
/// A staff account changed: its name, or whether it is active. Carries the whole account as it is now.
/// Published by the gateway; consumed by the contract service.
/// </summary>
public sealed record StaffAccountChanged
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
