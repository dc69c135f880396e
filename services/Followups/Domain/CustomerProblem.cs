namespace Crm.Followups.Domain;

/// <summary>
/// A customer problem that needs a designer (需要设计师解决的客户问题): raised by the store (the customer manager),
/// answered by the customer's designer, listed for the store until it is resolved. Kept, never deleted.
/// </summary>
public sealed class CustomerProblem
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public Guid DesignerId { get; private set; }
    public string DesignerName { get; private set; } = "";
    public string What { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public string RaisedById { get; private set; } = "";
    public string RaisedByName { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedById { get; private set; }
    public string? ResolvedByName { get; private set; }
    public string? Resolution { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    /// <summary>
    /// Raises a problem for the customer's designer, due on a store-local day no earlier than today.
    /// A customer not yet dispatched has no designer to answer it.
    /// </summary>
    public static Outcome<CustomerProblem> Raise(FollowedCustomer customer, string what, DateOnly dueOn, DateOnly today, string byId, string byName, DateTimeOffset now)
    {
        if (customer.DesignerId is not { } designerId)
            return Violation.Conflict("no-designer", "The customer has no designer yet: dispatch the customer first.");
        if (dueOn < today) return Violation.Invalid("dueOn", $"The due day cannot be before today ({today:yyyy-MM-dd} in the store).");
        return new CustomerProblem
        {
            Id = Guid.CreateVersion7(now), StoreId = customer.StoreId, CustomerId = customer.Id, CustomerNo = customer.CustomerNo,
            DesignerId = designerId, DesignerName = customer.DesignerName ?? "", What = what, DueOn = dueOn,
            RaisedById = byId, RaisedByName = byName, RaisedAt = now,
        };
    }

    /// <summary>Records the answer. A designer answers only the problems of their own customers.</summary>
    public Violation? Resolve(string resolution, Guid? designerId, string byId, string byName, DateTimeOffset now)
    {
        if (designerId is { } designer && designer != DesignerId) return Violation.NotFound("problem");
        if (!IsOpen) return Violation.Transition($"The problem was resolved on {ResolvedAt:yyyy-MM-dd HH:mm} by {ResolvedByName}.");
        (ResolvedAt, ResolvedById, ResolvedByName, Resolution) = (now, byId, byName, resolution);
        return null;
    }

    public CustomerProblemRaised Raised() => new()
    {
        StoreId = StoreId, CustomerId = CustomerId, ProblemId = Id, DesignerId = DesignerId, DesignerName = DesignerName,
        What = What, DueOn = DueOn, RaisedBy = RaisedByName, RaisedAt = RaisedAt,
    };

    public CustomerProblemResolved Resolved() => new()
    {
        StoreId = StoreId, CustomerId = CustomerId, ProblemId = Id, Resolution = Resolution!, ResolvedBy = ResolvedByName!, ResolvedAt = ResolvedAt!.Value,
    };
}
