namespace Crm.Followups.Domain;

/// <summary>
/// The tasks the time-based rules of domain.md §4 give on a store-local day: key attention and key follow-up,
/// each once for a customer (a customer who already has one does not get another).
/// </summary>
public static class StaleCustomerTasks
{
    public static IReadOnlyList<FollowUpTask> For(FollowedCustomer customer, IReadOnlyCollection<FollowUpTaskKind> existing, DateOnly today, DateTimeOffset now)
    {
        var tasks = new List<FollowUpTask>(2);
        if (!existing.Contains(FollowUpTaskKind.KeyAttention) && TaskRules.NeedsKeyAttention(customer, today))
            tasks.Add(FollowUpTask.For(customer, FollowUpTaskKind.KeyAttention, today,
                $"Registered on {customer.RegisteredOn:yyyy-MM-dd} and unsigned for more than {TaskRules.StaleMonths} months after {Paid(customer)}: " +
                $"talk with {People(customer)}, find the real reason, follow up, visit if needed", now));
        if (!existing.Contains(FollowUpTaskKind.KeyFollowUp) && TaskRules.NeedsKeyFollowUp(customer, today))
            tasks.Add(FollowUpTask.For(customer, FollowUpTaskKind.KeyFollowUp, today,
                $"A lead allocated on {customer.RegisteredOn:yyyy-MM-dd}, measured and unsigned for more than {TaskRules.StaleMonths} months: " +
                "call them first, find the reason, act quickly", now));
        return tasks;
    }

    /// <summary>The designer and the home consultant to talk to, by name; one not named yet is said to be missing.</summary>
    private static string People(FollowedCustomer c) =>
        $"designer {c.DesignerName ?? "(not dispatched yet)"} and home consultant {c.ConsultantName ?? "(none named)"}";

    private static string Paid(FollowedCustomer c) => string.Join(", ", new[]
    {
        c.DepositPaidAt is null ? null : "a deposit", c.DesignFeePaidAt is null ? null : "a design fee", c.QuotedAt is null ? null : "a quote",
    }.Where(s => s is not null));
}

/// <summary>
/// That the time-based rules ran for a store on a store-local day: a second instance finds the day done. Written by
/// <c>RunTaskRules</c> with an insert that claims the day, in the transaction of the day's tasks.
/// </summary>
public sealed class RuleRun
{
    public Guid StoreId { get; private set; }
    public DateOnly Day { get; private set; }
    public DateTimeOffset RanAt { get; private set; }
    public int TasksMade { get; private set; }
}
