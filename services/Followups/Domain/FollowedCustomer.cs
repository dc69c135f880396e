namespace Crm.Followups.Domain;

/// <summary>
/// The follow-up service's copy of a customer: what the task rules of domain.md §4 read — where the customer
/// came from, when the store got them (its own local day), and which milestones they reached.
/// Fed by <see cref="CustomerRegistered"/>, <see cref="MilestoneRecorded"/>, <see cref="CustomerDispatched"/> (the designer)
/// and <see cref="ConsultantNamed"/> (the home consultant).
/// </summary>
public sealed class FollowedCustomer
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public CustomerSource Source { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>The store-local day of the registration: for a lead, the day it was allocated to the store.</summary>
    public DateOnly RegisteredOn { get; private set; }
    public CustomerStage Stage { get; private set; }
    /// <summary>Who follows the customer up (<see cref="TaskAssignee"/>), unless the store reassigned them.</summary>
    public Guid? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    /// <summary>The designer the customer was last dispatched to.</summary>
    public Guid? DesignerId { get; private set; }
    public string? DesignerName { get; private set; }
    /// <summary>The home consultant (家装顾问) the customer service named.</summary>
    public Guid? ConsultantId { get; private set; }
    public string? ConsultantName { get; private set; }
    public DateTimeOffset? DepositPaidAt { get; private set; }
    public DateTimeOffset? DesignFeePaidAt { get; private set; }
    public DateTimeOffset? QuotedAt { get; private set; }
    public DateTimeOffset? MeasuredAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public DateTimeOffset? ConstructionStartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Valid: not lost and not invalidated (a reopened customer is valid again).</summary>
    public bool IsValid => Stage is not (CustomerStage.Lost or CustomerStage.Invalidated);

    /// <summary>A lead allocated to the store by marketing or a partner (分配店面), as opposed to a walk-in or a call.</summary>
    public bool CameAsLead => Source is CustomerSource.Marketing or CustomerSource.Partner;

    public static FollowedCustomer From(CustomerRegistered registered, DateOnly registeredOn, (Guid? Id, string? Name) assignee = default) => new()
    {
        Id = registered.CustomerId,
        StoreId = registered.StoreId,
        CustomerNo = registered.CustomerNo,
        Source = registered.Source,
        RegisteredAt = registered.RegisteredAt,
        RegisteredOn = registeredOn,
        Stage = registered.Stage,
        AssigneeId = assignee.Id,
        AssigneeName = assignee.Name,
    };

    public void AssignTo(Guid? id, string? name) => (AssigneeId, AssigneeName) = (id, name);

    public void DispatchedTo(Guid designerId, string designerName) => (DesignerId, DesignerName) = (designerId, designerName);

    public void Consultant(Guid? id, string? name) => (ConsultantId, ConsultantName) = (id, name);

    /// <summary>Notes the milestone and the stage it left the customer in.</summary>
    public void Record(MilestoneRecorded milestone)
    {
        Stage = milestone.Stage;
        var at = milestone.At;
        switch (milestone.Type)
        {
            case MilestoneType.DepositPaid: DepositPaidAt ??= at; break;
            case MilestoneType.DesignFeePaid: DesignFeePaidAt ??= at; break;
            case MilestoneType.Quoted: QuotedAt ??= at; break;
            case MilestoneType.Measured: MeasuredAt ??= at; break;
            case MilestoneType.ContractSigned: SignedAt ??= at; break;
            case MilestoneType.ConstructionStarted: ConstructionStartedAt ??= at; break;
            case MilestoneType.Completed: CompletedAt ??= at; break;
        }
    }
}
