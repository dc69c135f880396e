namespace Crm.Followups.Domain;

/// <summary>
/// Who follows a newly registered customer up (domain.md §4): the store's staff member who registered them; a lead
/// that marketing, a partner or the chain registered goes to the store's customer manager.
/// </summary>
public static class TaskAssignee
{
    /// <param name="registrantId">The account that registered the customer, as the registration names it.</param>
    /// <param name="registrant">That account in the staff copy; none when the copy does not know it (yet).</param>
    /// <param name="customerManager">The store's customer manager, when the store has one.</param>
    public static (Guid? Id, string? Name) For(
        Guid storeId, bool cameAsLead, Guid? registrantId, string? registrantName, StaffCopy? registrant, StaffCopy? customerManager)
    {
        if (registrant?.WorksIn(storeId) == true) return (registrant.Id, registrant.DisplayName);
        // A walk-in or a call is registered by the store's own staff: the copy of the account may only be on its way.
        if (registrant is null && !cameAsLead && registrantId is not null) return (registrantId, registrantName);
        return customerManager is null ? (null, null) : (customerManager.Id, customerManager.DisplayName);
    }
}
