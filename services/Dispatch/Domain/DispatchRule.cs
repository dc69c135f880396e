namespace Crm.Dispatch.Domain;

/// <summary>The rules of domain.md §2 by name, as the trace records which one excluded or decided.</summary>
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

/// <summary>How a dispatch came about.</summary>
public enum DispatchKind
{
    /// <summary>On registration, or again after a refusal, by the rules.</summary>
    Automatic,
    /// <summary>A customer manager asked; the rules chose.</summary>
    Requested,
    /// <summary>A customer manager named the designer.</summary>
    Manual,
}
