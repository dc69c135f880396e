namespace Crm.Followups.Domain;

/// <summary>
/// The time-based task rules of domain.md §4, on a store-local day. They read the day they are given, never a clock.
/// </summary>
public static class TaskRules
{
    /// <summary>Months after registration (staleMonths) past which an unsigned valid customer is stale.</summary>
    public const int StaleMonths = 3;

    /// <summary>
    /// Stale (超三个月有效未签单): valid, unsigned, and registered more than three months before the day — a customer
    /// registered three months ago today is not yet stale; one day later they are.
    /// </summary>
    public static bool IsStale(FollowedCustomer customer, DateOnly today) =>
        customer.IsValid && customer.SignedAt is null && today >= StaleFrom(customer.RegisteredOn);

    /// <summary>The first store-local day on which a customer registered on the given day counts as stale.</summary>
    public static DateOnly StaleFrom(DateOnly registeredOn) => registeredOn.AddMonths(StaleMonths).AddDays(1);

    /// <summary>Key attention (重点关注): a stale customer who paid a deposit (either kind), paid a design fee or got a quote.</summary>
    public static bool NeedsKeyAttention(FollowedCustomer customer, DateOnly today) =>
        IsStale(customer, today) && (customer.DepositPaidAt is not null || customer.DesignFeePaidAt is not null || customer.QuotedAt is not null);

    /// <summary>
    /// Key follow-up (重点回访): a lead allocated to the store more than three months ago — allocation being its
    /// registration, not its current stage — measured, unsigned and valid.
    /// </summary>
    public static bool NeedsKeyFollowUp(FollowedCustomer customer, DateOnly today) =>
        customer.CameAsLead && customer.MeasuredAt is not null && IsStale(customer, today);
}
