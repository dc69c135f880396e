namespace Crm.Customers.Data;

internal static class MilestoneRecording
{
    /// <summary>Records the milestone on the tracked customer if the rules of §1 allow it, and announces it in the same transaction.</summary>
    public static Outcome<Milestone> RecordMilestone(
        this CustomerDbContext db, Customer customer, MilestoneDraft draft, string by, string byName, TimeProvider clock)
    {
        var metBefore = customer.MetAt;
        var recorded = customer.RecordMilestone(draft, by, byName, clock.GetUtcNow());
        if (!recorded.Succeeded) return recorded;
        db.Milestones.Add(recorded.Value);
        db.Publish(CustomerEvents.MilestoneRecorded(customer, recorded.Value), clock);
        db.AnnounceMeeting(customer, metBefore, clock);
        return recorded;
    }

    /// <summary>Announces that a lead was met, when this change met it (or met it earlier than recorded).</summary>
    public static void AnnounceMeeting(this CustomerDbContext db, Customer customer, DateTimeOffset? metBefore, TimeProvider clock)
    {
        if (customer.Source.IsLead() && customer.MetAt != metBefore) db.Publish(CustomerEvents.Met(customer), clock);
    }
}
