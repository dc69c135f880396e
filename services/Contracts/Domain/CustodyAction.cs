namespace Crm.Contracts.Domain;

/// <summary>What one line of a form's custody ledger records.</summary>
public enum CustodyAction
{
    Received,
    Issued,
    Signed,
    Retrieved,
    /// <summary>An issued form came back unused and is in stock again.</summary>
    BackInStock,
    PassedOn,
    Returned,
    /// <summary>A passing-on to someone who may not receive forms: refused, and kept on record.</summary>
    PassingRefused,
    Approved,
    Rejected,
    Reported,
    Acknowledged,
    Voided,
    Lost,
}
