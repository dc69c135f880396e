namespace Crm.Reports.Domain;

/// <summary>
/// A customer as the figures count them: when and where they were registered (the store-local day), from which
/// source, and when they were first dispatched to a designer. The milestones are facts of their own
/// (<see cref="MilestoneFact"/>), each on its day, so that any past day can be counted again.
/// </summary>
public sealed class CustomerFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public CustomerSource Source { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    /// <summary>The stage the customer was registered in (a lead is <c>AssignedToStore</c>), theirs until a milestone.</summary>
    public CustomerStage RegisteredStage { get; private set; } = CustomerStage.Registered;
    /// <summary>The store-local day the customer was first dispatched to a designer (in negotiation from then).</summary>
    public DateOnly? FirstDispatchedOn { get; private set; }
    /// <summary>The home consultant (家装顾问) named on the customer.</summary>
    public string? ConsultantName { get; private set; }
    /// <summary>The lead (from marketing or a partner) the customer was registered from, if any.</summary>
    public Guid? LeadId { get; private set; }
    /// <summary>When the store first met the customer: at registration for walk-ins and calls, later for a lead.</summary>
    public DateTimeOffset? MetAt { get; private set; }

    /// <summary>A lead allocated to the store by marketing or a partner (分配店面).</summary>
    public bool CameAsLead => Source is CustomerSource.Marketing or CustomerSource.Partner;

    public static CustomerFact From(CustomerRegistered registered, DateOnly registeredOn) => new()
    {
        Id = registered.CustomerId, StoreId = registered.StoreId, CustomerNo = registered.CustomerNo, Source = registered.Source,
        RegisteredAt = registered.RegisteredAt.ToUniversalTime(), RegisteredOn = registeredOn, RegisteredStage = registered.Stage,
        LeadId = registered.LeadId, MetAt = registered.Stage == CustomerStage.AssignedToStore ? null : registered.RegisteredAt.ToUniversalTime(),
    };

    /// <summary>The store met the customer; of several reports of it, the earliest counts.</summary>
    public void Met(DateTimeOffset at)
    {
        if (MetAt is null || at.ToUniversalTime() < MetAt) MetAt = at.ToUniversalTime();
    }

    /// <summary>When the consultant was last named: a naming that happened earlier, arriving late, changes nothing.</summary>
    public DateTimeOffset? ConsultantNamedAt { get; private set; }

    public void Consultant(string? name, DateTimeOffset at)
    {
        if (ConsultantNamedAt is { } last && at.ToUniversalTime() < last) return;
        (ConsultantName, ConsultantNamedAt) = (name, at.ToUniversalTime());
    }

    /// <summary>
    /// Takes the customer's dispatches, in whatever order they arrived: the first day of negotiation is the earliest
    /// one's. Whom they were dispatched to at a moment is read from the dispatches themselves.
    /// </summary>
    public void DispatchesAre(IReadOnlyCollection<DispatchFact> dispatches)
    {
        if (dispatches.Count > 0) FirstDispatchedOn = dispatches.Min(d => d.Day);
    }
}

/// <summary>A dispatch of a customer to a designer, on its store-local day.</summary>
public sealed class DispatchFact
{
    public Guid AssignmentId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid DesignerId { get; private set; }
    public string DesignerName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public DateOnly Day { get; private set; }

    public static DispatchFact From(CustomerDispatched dispatched, DateOnly day) => new()
    {
        AssignmentId = dispatched.AssignmentId, StoreId = dispatched.StoreId, CustomerId = dispatched.CustomerId, DesignerId = dispatched.DesignerId,
        DesignerName = dispatched.DesignerName, At = dispatched.DispatchedAt.ToUniversalTime(), Day = day,
    };

    /// <summary>The designer the customer had at an instant: the latest dispatch at or before it.</summary>
    public static Guid? DesignerAt(IEnumerable<DispatchFact> dispatches, DateTimeOffset at) =>
        dispatches.Where(d => d.At <= at).MaxBy(d => d.At)?.DesignerId;
}

/// <summary>
/// A milestone on the store-local day it happened, with its money and area, and the designer the customer had then.
/// </summary>
public sealed class MilestoneFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public MilestoneType Type { get; private set; }
    public DateTimeOffset At { get; private set; }
    public DateOnly Day { get; private set; }
    public decimal? Amount { get; private set; }
    public decimal? AreaM2 { get; private set; }
    public DepositKind? DepositKind { get; private set; }
    public Guid? DesignerId { get; private set; }
    /// <summary>The customer's stage after the milestone: the latest one before a day is where they stood.</summary>
    public CustomerStage Stage { get; private set; }

    /// <summary>The designer credited with the milestone: whom the customer was dispatched to by then.</summary>
    public void CreditTo(Guid? designerId) => DesignerId = designerId;

    public static MilestoneFact From(MilestoneRecorded recorded, DateOnly day, Guid? designerId) => new()
    {
        Id = recorded.MilestoneId, StoreId = recorded.StoreId, CustomerId = recorded.CustomerId, Type = recorded.Type, At = recorded.At.ToUniversalTime(), Day = day,
        Amount = recorded.Amount, AreaM2 = recorded.AreaM2, DepositKind = recorded.DepositKind, DesignerId = designerId, Stage = recorded.Stage,
    };
}

/// <summary>The completeness rate of a customer's basic information from an instant on (the latest before a day counts).</summary>
public sealed class CompletenessFact
{
    public long Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public decimal Rate { get; private set; }

    public static CompletenessFact Of(Guid storeId, Guid customerId, DateTimeOffset at, decimal rate) =>
        new() { StoreId = storeId, CustomerId = customerId, At = at.ToUniversalTime(), Rate = rate };
}

/// <summary>A follow-up of a customer, at its instant: the stale lists show the last one before a day.</summary>
public sealed class FollowUpFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateTimeOffset At { get; private set; }

    public static FollowUpFact From(FollowUpRecorded recorded) =>
        new() { Id = recorded.FollowUpId, StoreId = recorded.StoreId, CustomerId = recorded.CustomerId, At = recorded.At.ToUniversalTime() };
}
