namespace Crm.Customers.Domain;

/// <summary>The milestones of a customer's dynamic information (domain.md §1), and the reopen that may follow a close.</summary>
public enum MilestoneType
{
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
    Reopened,
}

/// <summary>The two kinds of deposit (定金): for measuring the house, or taken at a promotion.</summary>
public enum DepositKind
{
    Measurement,
    Promotion,
}
