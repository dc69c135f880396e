namespace Crm.Contracts.Domain;

/// <summary>
/// Where a numbered contract form is in its life (domain.md §3). Whether it is passed on to someone for a while
/// is told apart (<see cref="ContractForm.IsPassedOn"/>): a retrieved, approved or rejected form can be.
/// </summary>
public enum FormState
{
    /// <summary>In the store's drawer, in the customer manager's custody.</summary>
    InStock,
    /// <summary>With a designer, for a named customer.</summary>
    Issued,
    /// <summary>The customer signed: the contract is recorded; the form is still with the designer.</summary>
    Signed,
    /// <summary>Back with the customer manager after signing.</summary>
    Retrieved,
    Approved,
    Rejected,
    /// <summary>Sent to finance.</summary>
    Reported,
    /// <summary>Finance has it and said so: the end of its custody.</summary>
    Acknowledged,
    Voided,
    Lost,
}
