namespace Crm.Followups.Domain;

/// <summary>
/// What a milestone does to a customer's follow-up tasks (domain.md §4): construction started brings a site
/// follow-up, completion a satisfaction follow-up; a signing closes the tasks about winning the customer, a loss
/// or an invalidation closes them all, each with its reason. Never two open tasks of one kind for a customer.
/// </summary>
public static class MilestoneTasks
{
    public static IReadOnlyList<FollowUpTask> Apply(FollowupStore store, FollowedCustomer customer, MilestoneRecorded milestone, IReadOnlyList<FollowUpTask> open, DateTimeOffset now)
    {
        var day = store.LocalDate(milestone.At);
        switch (milestone.Type)
        {
            case MilestoneType.ContractSigned:
                Close(open.Where(t => t.IsBeforeSigning), $"The customer signed a contract on {day:yyyy-MM-dd}.", now);
                return [];
            case MilestoneType.Lost or MilestoneType.Invalidated:
                Close(open, $"The customer was {(milestone.Type == MilestoneType.Lost ? "lost" : "invalidated")} on {day:yyyy-MM-dd}.", now);
                return [];
            case MilestoneType.ConstructionStarted when open.All(t => t.Kind != FollowUpTaskKind.SiteFollowUp):
                return [FollowUpTask.For(customer, FollowUpTaskKind.SiteFollowUp, day.AddDays(store.SiteFollowUpDays),
                    $"Construction started on {day:yyyy-MM-dd}: visit the site and hear the customer", now)];
            case MilestoneType.Completed when open.All(t => t.Kind != FollowUpTaskKind.SatisfactionFollowUp):
                return [FollowUpTask.For(customer, FollowUpTaskKind.SatisfactionFollowUp, day.AddDays(store.SatisfactionFollowUpDays),
                    $"Completed on {day:yyyy-MM-dd}: ask the customer how satisfied they are", now)];
            default:
                return [];
        }
    }

    private static void Close(IEnumerable<FollowUpTask> tasks, string reason, DateTimeOffset now)
    {
        foreach (var task in tasks.Where(t => t.IsOpen)) task.Close(reason, now);
    }
}
