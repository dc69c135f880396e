namespace Crm.Followups.Domain;

/// <summary>
/// The store gave a customer's follow-ups to another staff member: from whom to whom, who decided, when and why.
/// The customer's open tasks move with them. Kept, never changed.
/// </summary>
public sealed class Reassignment
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid? FromId { get; private set; }
    public string? FromName { get; private set; }
    public Guid ToId { get; private set; }
    public string ToName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public int TasksMoved { get; private set; }
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    /// <summary>Gives the customer and their open tasks to <paramref name="to"/>; refused unless they work in the customer's store.</summary>
    public static Outcome<Reassignment> Make(FollowedCustomer customer, StaffCopy to, string reason, IReadOnlyList<FollowUpTask> open, string by, DateTimeOffset now)
    {
        if (!to.WorksIn(customer.StoreId)) return Violation.Invalid("assigneeId", "Not an active staff member of the customer's store.");
        var reassignment = new Reassignment
        {
            Id = Guid.CreateVersion7(now), StoreId = customer.StoreId, CustomerId = customer.Id, FromId = customer.AssigneeId, FromName = customer.AssigneeName,
            ToId = to.Id, ToName = to.DisplayName, Reason = reason, TasksMoved = open.Count, By = by, At = now,
        };
        customer.AssignTo(to.Id, to.DisplayName);
        foreach (var task in open) task.AssignTo(to.Id, to.DisplayName);
        return reassignment;
    }
}
