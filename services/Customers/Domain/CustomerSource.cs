namespace Crm.Customers.Domain;

/// <summary>Where a customer came from (domain.md §1).</summary>
public enum CustomerSource
{
    WalkIn,
    Phone,
    Marketing,
    Partner,
    Referral,
    DesignerProvided,
}
