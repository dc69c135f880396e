namespace Crm.Dispatch.Domain;

/// <summary>
/// What dispatch knows of a customer, kept from the customer service's events: the figures the rules
/// need (budget, area, styles, requests, off-plan) and the milestones that make holdings and stalled proposals.
/// </summary>
public sealed class CustomerFile
{
    public Guid CustomerId { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public decimal? Budget { get; private set; }
    public decimal? AreaM2 { get; private set; }
    public List<string> Styles { get; private set; } = [];
    public bool OffPlan { get; private set; }
    public Guid? RequestedDesignerId { get; private set; }
    public string? SpecialRequest { get; private set; }
    /// <summary>The designer of the customer's live (offered or accepted) assignment.</summary>
    public Guid? DesignerId { get; private set; }
    public DateTimeOffset? DepositPaidAt { get; private set; }
    /// <summary>The first drawings or quote: the start of a proposal.</summary>
    public DateTimeOffset? ProposalAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    /// <summary>Lost or invalidated, until a reopen.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>
    /// Set while the customer waits for the store's automatic dispatch (the registration time, which orders
    /// the store's waiting customers); cleared once the automatic dispatch has decided.
    /// </summary>
    public DateTimeOffset? AwaitingDispatchSince { get; private set; }

    public static CustomerFile From(CustomerRegistered registered, bool dispatchAutomatically = false) => new()
    {
        AwaitingDispatchSince = dispatchAutomatically ? registered.RegisteredAt : null,
        CustomerId = registered.CustomerId,
        StoreId = registered.StoreId,
        CustomerNo = registered.CustomerNo,
        Budget = registered.Budget,
        AreaM2 = registered.AreaM2,
        Styles = registered.Styles.ToList(),
        OffPlan = registered.HouseKind == HouseKind.OffPlan,
        RequestedDesignerId = registered.RequestedDesignerId,
        SpecialRequest = registered.SpecialRequest,
    };

    public void Apply(CustomerDetailsChanged changed) =>
        (Budget, AreaM2, Styles, OffPlan, SpecialRequest) = (changed.Budget, changed.AreaM2, changed.Styles.ToList(), changed.HouseKind == HouseKind.OffPlan, changed.SpecialRequest);

    public void Apply(MilestoneRecorded milestone)
    {
        switch (milestone.Type)
        {
            case MilestoneType.DepositPaid: DepositPaidAt ??= milestone.At; break;
            case MilestoneType.DrawingsIssued or MilestoneType.Quoted: ProposalAt = ProposalAt is { } p && p < milestone.At ? p : milestone.At; break;
            case MilestoneType.ContractSigned: SignedAt ??= milestone.At; break;
            case MilestoneType.Lost or MilestoneType.Invalidated: ClosedAt = milestone.At; break;
            case MilestoneType.Reopened: ClosedAt = null; break;
        }
    }

    public void AssignTo(Guid? designerId) => DesignerId = designerId;

    /// <summary>
    /// Whether the automatic dispatch still has a customer to place: not while a designer holds the customer
    /// (someone dispatched by hand first) or once the customer signed or was lost.
    /// </summary>
    public bool NeedsAutomaticDispatch => AwaitingDispatchSince is not null && DesignerId is null && SignedAt is null && ClosedAt is null;

    /// <summary>The automatic dispatch has decided (or had nothing to do): the customer no longer waits for it.</summary>
    public void AutomaticDispatchDone() => AwaitingDispatchSince = null;

    /// <summary>持单: deposit paid (either kind), not signed, not lost.</summary>
    public bool IsHolding => DepositPaidAt is not null && SignedAt is null && ClosedAt is null;

    /// <summary>Drawings or a quote longer ago than the store allows, neither signed nor lost; off-plan customers never count (期房客户除外).</summary>
    public bool IsStalledProposal(DateTimeOffset now, int stalledDays) =>
        !OffPlan && ProposalAt is { } since && since < now.AddDays(-stalledDays) && SignedAt is null && ClosedAt is null;
}
