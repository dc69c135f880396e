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
