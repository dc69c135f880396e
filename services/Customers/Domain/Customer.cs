namespace Crm.Customers.Domain;

/// <summary>A customer of one store, registered once per phone number across the chain.</summary>
public sealed class Customer
{
    private readonly List<Milestone> _milestones = [];

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string CustomerNo { get; private set; } = "";
    public int Sequence { get; private set; }
    public int ArchiveBag { get; private set; }
    public CustomerSource Source { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public BasicInfo Info { get; private set; } = BasicInfo.Empty;
    public Guid? RequestedDesignerId { get; private set; }
    public string? SpecialRequest { get; private set; }
    /// <summary>Filled basic fields ÷ all basic fields, kept current so that a store's rate is one query.</summary>
    public decimal Completeness { get; private set; }
    public CustomerStage Stage { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>The store's local day of registration: registers and date filters count in it.</summary>
    public DateOnly RegisteredOn { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public string RegisteredByName { get; private set; } = "";
    /// <summary>When the store first met the customer; a lead from marketing or a partner is AssignedToStore until then.</summary>
    public DateTimeOffset? MetAt { get; private set; }
    /// <summary>The lead (from marketing or a partner) the customer was registered from, if any.</summary>
    public Guid? LeadId { get; private set; }
    public DesignerAssignment? Designer { get; private set; }
    /// <summary>The home consultant (家装顾问): a staff member of the store the customer's follow-ups talk with.</summary>
    public Guid? ConsultantId { get; private set; }
    public string? ConsultantName { get; private set; }
    public IReadOnlyCollection<Milestone> Milestones => _milestones;

    public static Customer Register(Store store, int sequence, CustomerRegistration registration, string by, string byName, DateTimeOffset now, Guid? id = null)
    {
        var customer = new Customer
        {
            Id = id ?? Guid.CreateVersion7(),
            StoreId = store.Id,
            CustomerNo = CustomerNumber.Format(store.Code, store.LocalDate(now).Year, sequence),
            Sequence = sequence,
            ArchiveBag = CustomerNumber.ArchiveBag(sequence),
            Source = registration.Source,
            Name = registration.Name,
            Phone = registration.Phone,
            Info = registration.Info,
            RequestedDesignerId = registration.RequestedDesignerId,
            SpecialRequest = registration.SpecialRequest,
            RegisteredAt = now,
            RegisteredOn = store.LocalDate(now),
            RegisteredBy = by,
            RegisteredByName = byName,
            MetAt = registration.Source.IsLead() ? null : now,
            LeadId = registration.LeadId,
        };
        customer.Refresh();
        return customer;
    }

    /// <summary>Applies new basic information and answers what changed, field by field, for the change log.</summary>
    public IReadOnlyList<CustomerChange> Change(string name, string phone, BasicInfo info, string? specialRequest, string reason, string by, string byName, DateTimeOffset now)
    {
        var differences = BasicFields.Differences(new(Name, Phone, Info), new(name, phone, info)).ToList();
        if (SpecialRequest != specialRequest) differences.Add(("specialRequest", SpecialRequest, specialRequest));
        var changes = differences.ConvertAll(d => CustomerChange.Record(this, d.Field, d.Before, d.After, reason, by, byName, now));
        (Name, Phone, Info, SpecialRequest) = (name, phone, info, specialRequest);
        Refresh();
        return changes;
    }

    /// <summary>Records a milestone if the rules of §1 allow it now; otherwise says why not, with the stage the customer is at.</summary>
    public Outcome<Milestone> RecordMilestone(MilestoneDraft draft, string by, string byName, DateTimeOffset now)
    {
        if (MilestoneRules.Refusal(_milestones, draft.Type, draft.At) is { } refusal)
            return refusal with { Figures = new Dictionary<string, object?> { ["stage"] = Stage.ToString() } };
        var milestone = Milestone.Record(this, draft, by, byName, now);
        _milestones.Add(milestone);
        // Anything the store does with the customer means it has met them.
        if (draft.Type is not (MilestoneType.Invalidated or MilestoneType.Lost or MilestoneType.Reopened)) Meet(draft.At);
        Refresh();
        return milestone;
    }

    /// <summary>The customer came to the store or called: a lead becomes a customer the store has met.</summary>
    public void Meet(DateTimeOffset at)
    {
        if (MetAt is null || at < MetAt) MetAt = at;
        Refresh();
    }

    /// <summary>Records the designer the dispatch service offered the customer to; a later dispatch replaces it.</summary>
    public void RecordDispatch(Guid assignmentId, Guid designerId, string designerName, DateTimeOffset at)
    {
        if (Designer is not null && Designer.DispatchedAt > at) return;
        Designer = new DesignerAssignment(assignmentId, designerId, designerName, at);
    }

    /// <summary>
    /// Names the home consultant (none to clear), logged as a change of the field "consultant"; refused unless they
    /// are an active staff member of the customer's store. Naming the same consultant again changes nothing.
    /// </summary>
    public Outcome<CustomerChange?> NameConsultant(StaffCopy? consultant, string reason, string by, string byName, DateTimeOffset now)
    {
        if (consultant is not null && !consultant.WorksIn(StoreId)) return Violation.Invalid("consultantId", "Not an active staff member of the customer's store.");
        if (consultant?.Id == ConsultantId) return (CustomerChange?)null;
        var change = CustomerChange.Record(this, "consultant", ConsultantName, consultant?.DisplayName, reason, by, byName, now);
        (ConsultantId, ConsultantName) = (consultant?.Id, consultant?.DisplayName);
        return change;
    }

    private void Refresh()
    {
        Completeness = BasicFields.Completeness(new(Name, Phone, Info));
        Stage = MilestoneRules.Stage(_milestones, MetAt is not null);
    }
}

/// <summary>What a registration brings: the source, name, normalised phone and the rest of the basic information.</summary>
public sealed record CustomerRegistration(
    CustomerSource Source, string Name, string Phone, BasicInfo Info, Guid? RequestedDesignerId = null, string? SpecialRequest = null, Guid? LeadId = null);

/// <summary>The customer's current designer, as the dispatch service announced it.</summary>
public sealed record DesignerAssignment(Guid AssignmentId, Guid DesignerId, string DesignerName, DateTimeOffset DispatchedAt);
