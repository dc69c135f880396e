namespace Crm.Customers.Domain;

/// <summary>
/// Who may record which milestone (domain.md §6): a designer records measuring, drawings, the quote and the
/// signing of their own customers; only the store manager (or ChainAdmin) approves a contract (Reviewed);
/// store staff record the rest.
/// </summary>
public static class MilestonePermissions
{
    public static readonly MilestoneType[] DesignerMilestones =
        [MilestoneType.Measured, MilestoneType.DrawingsIssued, MilestoneType.Quoted, MilestoneType.ContractSigned];

    public static Violation? Refusal(string? role, MilestoneType type)
    {
        if (role == StaffRoles.Designer && !DesignerMilestones.Contains(type))
            return Violation.Forbidden($"A designer records only {string.Join(", ", DesignerMilestones)} of their own customers.");
        if (type == MilestoneType.Reviewed && role is not (StaffRoles.StoreManager or StaffRoles.ChainAdmin))
            return Violation.Forbidden("A contract is approved (Reviewed) by the store manager.");
        return null;
    }
}
