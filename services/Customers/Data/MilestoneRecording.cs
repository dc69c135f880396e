namespace Crm.Customers.Data;

internal static class MilestoneRecording
{
    /// <summary>Records the milestone on the tracked customer if the rules of §1 allow it, and announces it in the same transaction.</summary>
    public static (Milestone? Recorded, string? Refusal) RecordMilestone(
        this CustomerDbContext db, Customer customer, MilestoneDraft draft, string by, string byName, TimeProvider clock)
    {
        var (milestone, refusal) = customer.RecordMilestone(draft, by, byName, clock.GetUtcNow());
        if (milestone is null) return (null, refusal);
        db.Milestones.Add(milestone);
        db.Publish(CustomerEvents.MilestoneRecorded(customer, milestone), clock);
        return (milestone, null);
    }
}
