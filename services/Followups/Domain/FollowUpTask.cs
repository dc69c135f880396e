namespace Crm.Followups.Domain;

/// <summary>A follow-up due on a store-local date, with the reason it exists.</summary>
public sealed class FollowUpTask
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public FollowUpTaskKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string Reason { get; private set; } = "";
    /// <summary>Who is to do it: the customer's assignee when the task was made, or whom the store reassigned it to.</summary>
    public Guid? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    /// <summary>The follow-up record that completed the task.</summary>
    public Guid? FollowUpId { get; private set; }
    /// <summary>Closed by itself, without a record: the customer signed, was lost or was invalidated.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedReason { get; private set; }

    public bool IsOpen => CompletedAt is null && ClosedAt is null;

    /// <summary>Tasks about winning the customer: a signing ends them.</summary>
    public bool IsBeforeSigning => Kind is not (FollowUpTaskKind.SiteFollowUp or FollowUpTaskKind.SatisfactionFollowUp);

    public static FollowUpTask For(FollowedCustomer customer, FollowUpTaskKind kind, DateOnly dueOn, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = customer.StoreId,
        CustomerId = customer.Id,
        CustomerNo = customer.CustomerNo,
        Kind = kind,
        DueOn = dueOn,
        Reason = reason,
        AssigneeId = customer.AssigneeId,
        AssigneeName = customer.AssigneeName,
        CreatedAt = now,
    };

    /// <summary>
    /// Keeps one open task of a kind: the open ones of the new task's kind close as replaced by it, and it is answered.
    /// </summary>
    public FollowUpTask Replacing(IEnumerable<FollowUpTask> open, DateTimeOffset now)
    {
        foreach (var earlier in open.Where(t => t.IsOpen && t.Kind == Kind && t.CustomerId == CustomerId && t.Id != Id))
            earlier.Close($"Replaced by a later task of the same kind: {Reason}", now);
        return this;
    }

    /// <summary>The task as it stands, announced after a change made at <paramref name="at"/>.</summary>
    public FollowUpTaskChanged Changed(DateTimeOffset at) => new()
    {
        StoreId = StoreId, CustomerId = CustomerId, TaskId = Id, Kind = Kind.ToString(), DueOn = DueOn, AssigneeId = AssigneeId, AssigneeName = AssigneeName,
        CreatedAt = CreatedAt, EndedAt = CompletedAt ?? ClosedAt, At = at,
    };

    public void AssignTo(Guid? id, string? name) => (AssigneeId, AssigneeName) = (id, name);

    public void Close(string reason, DateTimeOffset at) => (ClosedAt, ClosedReason) = (at, reason);

    /// <summary>A follow-up record of the same customer completes the open task.</summary>
    public Violation? Complete(FollowUpRecord record, DateTimeOffset now)
    {
        if (!IsOpen) return Violation.Transition(CompletedAt is not null ? "The task is already completed." : $"The task closed by itself: {ClosedReason}");
        if (record.CustomerId != CustomerId) return Violation.Invalid("followUpId", "The follow-up is of another customer.");
        (CompletedAt, FollowUpId) = (now, record.Id);
        return null;
    }

    /// <summary>The first follow-up: <see cref="FollowupStore.FirstFollowUpDays"/> store-local days after registration.</summary>
    public static FollowUpTask FirstFollowUp(FollowupStore store, FollowedCustomer customer, DateTimeOffset now) =>
        For(customer, FollowUpTaskKind.FirstFollowUp, customer.RegisteredOn.AddDays(store.FirstFollowUpDays), $"First follow-up {store.FirstFollowUpDays} days after registration", now);

    /// <summary>A call the same store-local day a designer refused the customer, so that the customer hears it from the store.</summary>
    public static FollowUpTask AfterRefusal(FollowupStore store, AssignmentRefused refused, string customerNo, DateTimeOffset now, Guid? assigneeId = null, string? assigneeName = null) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = store.Id,
        CustomerId = refused.CustomerId,
        CustomerNo = customerNo,
        Kind = FollowUpTaskKind.AfterRefusal,
        DueOn = store.LocalDate(refused.RefusedAt),
        Reason = $"Designer {refused.DesignerName} refused the customer ({refused.Reason}): call the customer and introduce the new designer",
        AssigneeId = assigneeId,
        AssigneeName = assigneeName,
        CreatedAt = now,
    };
}
