namespace Crm.Partners.Domain;

/// <summary>The coarse statuses a supplier sees of its lead (api.md), moved by what the store does with the customer.</summary>
public enum LeadStatus
{
    AssignedToStore,
    Met,
    Measured,
    Signed,
    Lost,
    Duplicate,
}

/// <summary>How far the store has taken a lead's customer, as the customer service announced it.</summary>
public static class LeadProgress
{
    /// <summary>
    /// The status that the customer's stage and meeting give: a close (lost or invalid) wins; a signing, then a
    /// measurement, then any meeting follow. A stage reached without a recorded meeting still means the store met them.
    /// </summary>
    public static LeadStatus StatusOf(CustomerStage stage, bool met) => stage switch
    {
        CustomerStage.Lost or CustomerStage.Invalidated => LeadStatus.Lost,
        CustomerStage.ContractSigned or CustomerStage.Reviewed or CustomerStage.ConstructionStarted or CustomerStage.Completed => LeadStatus.Signed,
        CustomerStage.Measured or CustomerStage.DesignFeePaid or CustomerStage.DrawingsIssued or CustomerStage.Quoted => LeadStatus.Measured,
        CustomerStage.Registered or CustomerStage.DepositPaid => LeadStatus.Met,
        _ => met ? LeadStatus.Met : LeadStatus.AssignedToStore,
    };
}
