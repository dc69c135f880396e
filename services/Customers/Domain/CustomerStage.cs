namespace Crm.Customers.Domain;

/// <summary>The furthest milestone a customer reached (domain.md §1); Registered before any.</summary>
public enum CustomerStage
{
    AssignedToStore,
    Registered,
    DepositPaid,
    Measured,
    DesignFeePaid,
    DrawingsIssued,
    Quoted,
    ContractSigned,
    Reviewed,
    ConstructionStarted,
    Completed,
    Lost,
    Invalidated,
}
