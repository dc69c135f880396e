using Crm.Messages;

namespace Crm.CustomerInfo;

/// <summary>
/// The basic information of §1 beyond name and phone: it changes rarely, and every change is logged.
/// Kept as one immutable value so that a change is a new value compared field by field.
/// </summary>
public sealed record BasicInfo
{
    public string? OtherContact { get; init; }
    public string? Address { get; init; }
    public Family? Family { get; init; }
    public IncomeBand? IncomeBand { get; init; }
    public Preferences? Preferences { get; init; }
    public House? House { get; init; }

    public static readonly BasicInfo Empty = new();
}
