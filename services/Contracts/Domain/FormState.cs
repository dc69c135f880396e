namespace Crm.Contracts.Domain;

/// <summary>Where a numbered contract form is in its custody (domain.md §3).</summary>
public enum FormState
{
    InStock,
    Issued,
    Signed,
    Retrieved,
    Transferred,
    Approved,
    Rejected,
    Reported,
    Acknowledged,
    Voided,
    Lost,
}
