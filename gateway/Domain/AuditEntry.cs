namespace Crm.Gateway.Domain;

/// <summary>One write through the gateway: who (user, role, store), when, from where, what, and how it ended.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? UserId { get; init; }
    public string? Username { get; init; }
    public string? Role { get; init; }
    public Guid? StoreId { get; init; }
    public string Method { get; init; } = "";
    public string Path { get; init; } = "";
    public int Status { get; init; }
    public string? RemoteAddress { get; init; }
    public string? TraceId { get; init; }
}
