namespace Crm.Partners.Domain;

/// <summary>
/// How far the store has taken a customer, from the customer service's events, whichever order they arrive in:
/// the stage of the milestone recorded last (one customer's milestones are recorded one at a time) and whether it was met.
/// Kept for every customer, so that a milestone heard before its customer's registration is not lost.
/// </summary>
public sealed class CustomerProgress
{
    public Guid CustomerId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid? LeadId { get; private set; }
    public CustomerStage Stage { get; private set; } = CustomerStage.AssignedToStore;
    public Guid? StageMilestoneId { get; private set; }
    public DateTimeOffset? StageRecordedAt { get; private set; }
    public DateTimeOffset? MetAt { get; private set; }

    public static CustomerProgress Start(Guid storeId, Guid customerId) => new() { StoreId = storeId, CustomerId = customerId };

    public void Registered(CustomerRegistered registered)
    {
        LeadId = registered.LeadId;
        if (StageMilestoneId is null) Stage = registered.Stage;
        if (registered.Stage != CustomerStage.AssignedToStore) MetAt ??= registered.RegisteredAt;
    }

    public void Met(DateTimeOffset at) => MetAt = MetAt is { } earlier && earlier < at ? earlier : at;

    public void Milestone(Guid milestoneId, DateTimeOffset recordedAt, CustomerStage stage)
    {
        if (StageRecordedAt is { } latest && latest >= recordedAt) return;
        (StageMilestoneId, StageRecordedAt, Stage) = (milestoneId, recordedAt, stage);
    }

    public LeadStatus Status => LeadProgress.StatusOf(Stage, MetAt is not null);
}

/// <summary>A customer's phone as the customer service announced it: a lead with a known phone is a duplicate at once.</summary>
public sealed class KnownPhone
{
    public Guid CustomerId { get; private set; }
    public string Phone { get; private set; } = "";

    public static KnownPhone Of(Guid customerId, string phone) => new() { CustomerId = customerId, Phone = phone };

    public void Changed(string phone) => Phone = phone;
}
