namespace Crm.Partners.Domain;

/// <summary>
/// A lead as its supplier sent it, the store it was routed to, and how far the store has taken it. The supplier's
/// external id makes sending it again harmless. A duplicate stays a duplicate.
/// </summary>
public sealed class Lead
{
    public Guid Id { get; private set; }
    public CustomerSource Source { get; private set; }
    public Guid? PartnerId { get; private set; }
    public string SupplierName { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public Guid StoreId { get; private set; }
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public BasicInfo Info { get; private set; } = BasicInfo.Empty;
    public string? SpecialRequest { get; private set; }
    public LeadStatus Status { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public Guid? CustomerId { get; private set; }
    public string? CustomerNo { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The upload and its row, for marketing's leads sent as a file.</summary>
    public Guid? ImportJobId { get; private set; }
    public int? ImportRow { get; private set; }

    public static Lead Receive(Supplier supplier, LeadDraft draft, Guid storeId, bool duplicate, DateTimeOffset now, Guid? importJobId = null, int? importRow = null) => new()
    {
        Id = Guid.CreateVersion7(),
        Source = supplier.Source,
        PartnerId = supplier.PartnerId,
        SupplierName = supplier.Name,
        ExternalId = draft.ExternalId,
        StoreId = storeId,
        Name = draft.Name,
        Phone = draft.Phone,
        Info = draft.Info,
        SpecialRequest = draft.SpecialRequest,
        Status = duplicate ? LeadStatus.Duplicate : LeadStatus.AssignedToStore,
        StatusChangedAt = now,
        ReceivedAt = now,
        ImportJobId = importJobId,
        ImportRow = importRow,
    };

    /// <summary>Moves the lead to a status; a duplicate never moves. Answers the change, or null when nothing changed.</summary>
    public LeadStatusChange? MoveTo(LeadStatus status, string cause, DateTimeOffset at)
    {
        if (Status == status || Status == LeadStatus.Duplicate) return null;
        var change = LeadStatusChange.Record(this, Status, status, cause, at);
        (Status, StatusChangedAt) = (status, at);
        return change;
    }

    public void BecameCustomer(Guid customerId, string customerNo) => (CustomerId, CustomerNo) = (customerId, customerNo);

    public LeadReceived ToEvent() => new()
    {
        StoreId = StoreId, LeadId = Id, Source = Source, PartnerId = PartnerId, SupplierName = SupplierName, ExternalId = ExternalId,
        ReceivedAt = ReceivedAt, Duplicate = Status == LeadStatus.Duplicate, Name = Name, Phone = Phone,
        OtherContact = Info.OtherContact, Address = Info.Address, Family = Info.Family, IncomeBand = Info.IncomeBand,
        Preferences = Info.Preferences, House = Info.House, SpecialRequest = SpecialRequest,
    };
}

/// <summary>Who supplies a lead: marketing, or a partner by its id and name.</summary>
public sealed record Supplier(CustomerSource Source, Guid? PartnerId, string Name)
{
    public static readonly Supplier Marketing = new(CustomerSource.Marketing, null, "Marketing");

    public static Supplier Of(Partner partner) => new(CustomerSource.Partner, partner.Id, partner.Name);
}

/// <summary>A lead's details after the rules of a registration: the name trimmed, the phone normalised.</summary>
public sealed record LeadDraft(string ExternalId, string Name, string Phone, BasicInfo Info, string? SpecialRequest);

/// <summary>One move of a lead's status: from what, to what, when and why (the event that moved it).</summary>
public sealed class LeadStatusChange
{
    public Guid Id { get; private set; }
    public Guid LeadId { get; private set; }
    public LeadStatus? From { get; private set; }
    public LeadStatus To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Cause { get; private set; } = "";

    public static LeadStatusChange Record(Lead lead, LeadStatus? from, LeadStatus to, string cause, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(), LeadId = lead.Id, From = from, To = to, At = at, Cause = cause };
}
