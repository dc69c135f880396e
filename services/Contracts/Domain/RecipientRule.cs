namespace Crm.Contracts.Domain;

/// <summary>
/// Who may receive a contract form from the customer manager (domain.md §3, 传递): the store manager of the
/// form's store, a person that store manager authorised (in force on the day), or finance. Nobody else.
/// </summary>
public static class RecipientRule
{
    public const string RecipientNotAllowed = "recipient-not-allowed";

    /// <summary>Why the person may not receive the form, or null when they may.</summary>
    public static Violation? Refusal(StaffCopy? recipient, Guid formStoreId, IEnumerable<RecipientAuthorisation> authorisations, DateOnly today)
    {
        if (recipient is null || !recipient.Active) return Refused("The recipient is not an active staff member.");
        if (recipient.Role == StaffRoles.StoreManager && recipient.StoreId == formStoreId) return null;
        if (recipient.Role == StaffRoles.Finance && (recipient.StoreId is null || recipient.StoreId == formStoreId)) return null;
        if (authorisations.Any(a => a.UserId == recipient.Id && a.StoreId == formStoreId && a.InForceOn(today))) return null;
        return Refused($"{recipient.DisplayName} ({recipient.Role}) may not receive contract forms: only the store manager, a person the store manager authorised, or finance.");
    }

    /// <summary>Whether the person may be sent an approved form as finance.</summary>
    public static Violation? FinanceRefusal(StaffCopy? recipient, Guid formStoreId) =>
        recipient is { Active: true, Role: StaffRoles.Finance } && (recipient.StoreId is null || recipient.StoreId == formStoreId)
            ? null
            : Refused("Approved forms are reported to finance: name an active finance staff member serving the store.");

    private static Violation Refused(string detail) => Violation.Forbidden(detail, RecipientNotAllowed);
}
