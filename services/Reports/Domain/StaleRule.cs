namespace Crm.Reports.Domain;

/// <summary>
/// The stale customers of domain.md §4 as of a store-local day: valid, unsigned, registered more than three months
/// before it (registered three months ago that day: not yet; one day later: stale). With a deposit, a design fee or
/// a quote by then they are flagged key attention; a lead allocated to the store and measured by then is key follow-up.
/// </summary>
public static class StaleRule
{
    public const int StaleMonths = 3;

    public static bool IsStaleOn(DateOnly registeredOn, DateOnly asOf) => asOf > registeredOn.AddMonths(StaleMonths);

    /// <summary>Days since the customer turned stale: 1 on the first stale day.</summary>
    public static int DaysStale(DateOnly registeredOn, DateOnly asOf) => asOf.DayNumber - registeredOn.AddMonths(StaleMonths).DayNumber;

    /// <summary>The latest registration day that can be stale on the day: a first cut the exact rule then narrows.</summary>
    public static DateOnly LatestCandidate(DateOnly asOf) => asOf.AddMonths(-StaleMonths).AddDays(3);
}
