namespace Crm.Contracts.Domain;

/// <summary>
/// Who sees a signed contract's amount and area (our reading of 不泄露合同信息): the designer who signed it, the
/// store manager, finance and ChainAdmin. The customer manager handles the form and its custody, not the money.
/// </summary>
public static class ContractFigures
{
    public static bool SeenBy(StoreScope viewer, ContractForm form) => viewer.Role switch
    {
        StaffRoles.ChainAdmin or StaffRoles.StoreManager or StaffRoles.Finance => true,
        StaffRoles.Designer => viewer.DesignerId is { } id && id == form.DesignerId,
        _ => false,
    };
}
