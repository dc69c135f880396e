using System.Text.Json.Serialization;

namespace Crm.Messages;

/// <summary>The rules of domain.md §2 by name, as the trace records which one excluded or decided.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DispatchRule>))]
public enum DispatchRule
{
    // Eligibility: each excludes a designer.
    OtherStore,
    Removed,
    Suspended,
    NotOnDuty,
    HoldingCap,
    StalledProposals,
    // Choice: each narrows the eligible designers, in this order; the last one left is chosen.
    RequestedDesigner,
    BigOrder,
    Fit,
    Rotation,
    // A person chose.
    Manual,
}
