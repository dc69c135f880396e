namespace Crm.Dispatch.Domain;

/// <summary>An interior designer on a store's roster (domain.md §2).</summary>
public sealed class Designer
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; } = "";
    public DesignerLevel Level { get; private set; }
    public bool ChargesDesignFee { get; private set; }
    public List<string> Styles { get; private set; } = [];
    /// <summary>How the designer communicates, what they are good at: read by people, and matched against special requests.</summary>
    public string? Notes { get; private set; }
    public DesignerStatus Status { get; private set; }
    /// <summary>The last store-local day of a suspension; from the day after, the designer is active again.</summary>
    public DateOnly? SuspendedUntil { get; private set; }
    /// <summary>Set when refusals reach the store's limit: the store manager decides on removal.</summary>
    public DateTimeOffset? RemovalFlaggedAt { get; private set; }
    /// <summary>When the designer was last offered a customer.</summary>
    public DateTimeOffset? LastDispatchedAt { get; private set; }
    /// <summary>The store's dispatch count at the designer's last dispatch: rotation compares these, exact even within one instant.</summary>
    public long? LastDispatchSequence { get; private set; }

    public static Designer Join(Guid storeId, string name, DesignerLevel level, bool chargesDesignFee, IEnumerable<string> styles, string? notes = null) => new()
    {
        Id = Guid.CreateVersion7(),
        StoreId = storeId,
        Name = name,
        Level = level,
        ChargesDesignFee = chargesDesignFee,
        Styles = styles.ToList(),
        Notes = notes,
        Status = DesignerStatus.Active,
    };

    public void Edit(string name, DesignerLevel level, bool chargesDesignFee, IEnumerable<string> styles, string? notes) =>
        (Name, Level, ChargesDesignFee, Styles, Notes) = (name, level, chargesDesignFee, styles.ToList(), notes);

    /// <summary>The roster entry in words, as the designer's history records an edit.</summary>
    public string Describe() =>
        $"{Name}, {Level}, {(ChargesDesignFee ? "charges a design fee" : "no design fee")}, styles: {string.Join("/", Styles)}, notes: {Notes ?? "—"}";

    public void RecordDispatch(DateTimeOffset at, long sequence)
    {
        LastDispatchedAt = at;
        LastDispatchSequence = sequence;
    }

    /// <summary>The status on a store-local day: a suspension past its last day has ended.</summary>
    public DesignerStatus StatusOn(DateOnly day) =>
        Status == DesignerStatus.Suspended && SuspendedUntil < day ? DesignerStatus.Active : Status;

    /// <summary>
    /// The store manager suspends the designer through a day (停单): not a removed designer, not into the past.
    /// A suspension already running longer is kept.
    /// </summary>
    public Violation? Suspend(DateOnly until, DateOnly today)
    {
        if (Status == DesignerStatus.Removed) return Violation.Transition("A removed designer cannot be suspended; reinstate them first.");
        if (until < today) return Violation.Invalid("until", "The last day of a suspension cannot be in the past.");
        var running = StatusOn(today) == DesignerStatus.Suspended ? SuspendedUntil : null;
        Status = DesignerStatus.Suspended;
        SuspendedUntil = running > until ? running : until;
        return null;
    }

    /// <summary>The store manager removes the designer from the roster (除名).</summary>
    public Violation? Remove()
    {
        if (Status == DesignerStatus.Removed) return Violation.Transition("The designer is already removed.");
        (Status, SuspendedUntil) = (DesignerStatus.Removed, null);
        return null;
    }

    /// <summary>The store manager reinstates a suspended, removed or flagged designer; an active, unflagged one has nothing to reinstate.</summary>
    public Violation? Reinstate(DateOnly today)
    {
        if (StatusOn(today) == DesignerStatus.Active && RemovalFlaggedAt is null) return Violation.Transition("The designer is active.");
        (Status, SuspendedUntil, RemovalFlaggedAt) = (DesignerStatus.Active, null, null);
        return null;
    }

    /// <summary>What a refusal does to the designer (<see cref="RefusalPolicy"/>): suspended through its last day, flagged for removal.</summary>
    public void Apply(RefusalConsequences consequences, DateOnly today, DateTimeOffset at)
    {
        // A designer removed while the offer was out stays removed.
        if (consequences.SuspendedUntil is { } until && Status != DesignerStatus.Removed) Suspend(until, today);
        if (consequences.FlagForRemoval) RemovalFlaggedAt ??= at;
    }

    public DesignerJoined ToJoinedEvent(int rosterNumber) => new()
    {
        StoreId = StoreId,
        DesignerId = Id,
        Name = Name,
        Level = Level,
        RosterNumber = rosterNumber,
    };
}
