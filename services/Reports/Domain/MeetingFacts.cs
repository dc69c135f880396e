namespace Crm.Reports.Domain;

/// <summary>A designer of a store's roster, as dispatch announced them: the morning meeting's attendance lists them.</summary>
public sealed class DesignerFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; } = "";
    public int RosterNumber { get; private set; }

    public static DesignerFact From(DesignerJoined joined) =>
        new() { Id = joined.DesignerId, StoreId = joined.StoreId, Name = joined.Name, RosterNumber = joined.RosterNumber };
}

/// <summary>A designer's attendance on a store-local day; the latest record of the day counts.</summary>
public sealed class DutyFact
{
    public Guid StoreId { get; private set; }
    public Guid DesignerId { get; private set; }
    public DateOnly Day { get; private set; }
    public bool OnDuty { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static DutyFact From(DutyRecorded recorded) => new()
    {
        StoreId = recorded.StoreId, DesignerId = recorded.DesignerId, Day = recorded.Day, OnDuty = recorded.OnDuty, RecordedAt = recorded.RecordedAt.ToUniversalTime(),
    };

    /// <summary>A later record of the same day replaces it; an older one arriving late changes nothing.</summary>
    public void Apply(DutyRecorded recorded)
    {
        if (recorded.RecordedAt.ToUniversalTime() < RecordedAt) return;
        (OnDuty, RecordedAt) = (recorded.OnDuty, recorded.RecordedAt.ToUniversalTime());
    }
}

/// <summary>A customer problem needing a designer, raised and perhaps resolved: open on a day if raised and not yet resolved by its end.</summary>
public sealed class ProblemFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string DesignerName { get; private set; } = "";
    public string What { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public static ProblemFact From(CustomerProblemRaised raised) => new()
    {
        Id = raised.ProblemId, StoreId = raised.StoreId, CustomerId = raised.CustomerId, DesignerName = raised.DesignerName, What = raised.What,
        DueOn = raised.DueOn, RaisedBy = raised.RaisedBy, RaisedAt = raised.RaisedAt.ToUniversalTime(),
    };

    public void Resolved(DateTimeOffset at) => ResolvedAt = at.ToUniversalTime();
}

/// <summary>A follow-up task: due on a store-local day, open from its making until it ended (completed or closed by itself).</summary>
public sealed class TaskFact
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    public static TaskFact From(FollowUpTaskChanged changed) => new()
    {
        Id = changed.TaskId, StoreId = changed.StoreId, CustomerId = changed.CustomerId, Kind = changed.Kind, DueOn = changed.DueOn,
        CreatedAt = changed.CreatedAt.ToUniversalTime(), EndedAt = changed.EndedAt?.ToUniversalTime(),
    };

    /// <summary>Any change of the task, in any order: an end, once known, stays.</summary>
    public void Apply(FollowUpTaskChanged changed) => EndedAt ??= changed.EndedAt?.ToUniversalTime();
}

/// <summary>Whom a task was given to from an instant on: the latest before a moment is its assignee then.</summary>
public sealed class TaskAssigneeFact
{
    public Guid StoreId { get; private set; }
    public Guid TaskId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }

    public static TaskAssigneeFact From(FollowUpTaskChanged changed) =>
        new() { StoreId = changed.StoreId, TaskId = changed.TaskId, At = changed.At.ToUniversalTime(), AssigneeId = changed.AssigneeId, AssigneeName = changed.AssigneeName };
}

/// <summary>A contract form as it stood after a move, from that instant on: the latest before a moment tells its alerts then.</summary>
public sealed class FormVersionFact
{
    public Guid StoreId { get; private set; }
    public string Serial { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string Action { get; private set; } = "";
    public string State { get; private set; } = "";
    public string? HolderName { get; private set; }
    public string? DesignerName { get; private set; }
    public DateTimeOffset? RetrieveBy { get; private set; }
    public DateTimeOffset? ReturnBy { get; private set; }
    public string? Reason { get; private set; }
    public bool Lost { get; private set; }

    public static FormVersionFact From(ContractFormMoved moved) => new()
    {
        StoreId = moved.StoreId, Serial = moved.Serial, At = moved.At.ToUniversalTime(), Action = moved.Action, State = moved.State, HolderName = moved.HolderName,
        DesignerName = moved.DesignerName, RetrieveBy = moved.RetrieveBy?.ToUniversalTime(), ReturnBy = moved.ReturnBy?.ToUniversalTime(), Reason = moved.Reason, Lost = moved.Lost,
    };
}
