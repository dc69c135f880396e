namespace Crm.Customers.Apis;

public sealed record RegisteredCustomerResponse(Guid Id, string CustomerNo, int ArchiveBag, CustomerStage Stage);

/// <summary>The customer's home consultant (家装顾问).</summary>
public sealed record ConsultantResponse(Guid StaffId, string Name);

public sealed record DesignerResponse(Guid DesignerId, string Name, Guid AssignmentId, DateTimeOffset DispatchedAt);

public sealed record MilestoneResponse(
    Guid Id, MilestoneType Type, DateTimeOffset At, decimal? Amount, DepositKind? DepositKind, decimal? AreaM2,
    string? Reason, string? Competitor, DateTimeOffset RecordedAt, string RecordedBy, string RecordedByName)
{
    public static MilestoneResponse From(Milestone m) =>
        new(m.Id, m.Type, m.At, m.Amount, m.DepositKind, m.AreaM2, m.Reason, m.Competitor, m.RecordedAt, m.RecordedBy, m.RecordedByName);
}

public sealed record RecordedMilestoneResponse(MilestoneResponse Milestone, CustomerStage Stage);

public sealed record CustomerResponse(
    Guid Id,
    Guid StoreId,
    string CustomerNo,
    int ArchiveBag,
    CustomerSource Source,
    string Name,
    string Phone,
    string? OtherContact,
    string? Address,
    Family? Family,
    IncomeBand? IncomeBand,
    Preferences? Preferences,
    House? House,
    Guid? RequestedDesignerId,
    string? SpecialRequest,
    CustomerStage Stage,
    decimal CompletenessRate,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    DateTimeOffset? MetAt,
    DesignerResponse? Designer,
    IReadOnlyList<MilestoneResponse>? Milestones,
    ConsultantResponse? Consultant = null)
{
    /// <summary>Designers see the phone masked (personal information law); the service masks it, not the client.</summary>
    public static CustomerResponse From(Customer c, StoreScope scope, bool withMilestones = false) => new(
        c.Id, c.StoreId, c.CustomerNo, c.ArchiveBag, c.Source, c.Name, scope.IsDesigner ? PhoneNumber.Mask(c.Phone) : c.Phone,
        c.Info.OtherContact, c.Info.Address, c.Info.Family, c.Info.IncomeBand, c.Info.Preferences, c.Info.House,
        c.RequestedDesignerId, c.SpecialRequest, c.Stage, c.Completeness, c.RegisteredAt, c.RegisteredByName, c.MetAt,
        c.Designer is { } d ? new DesignerResponse(d.DesignerId, d.DesignerName, d.AssignmentId, d.DispatchedAt) : null,
        withMilestones ? c.Milestones.OrderBy(m => m.At).ThenBy(m => m.RecordedAt).Select(MilestoneResponse.From).ToList() : null,
        c.ConsultantId is { } consultant ? new ConsultantResponse(consultant, c.ConsultantName ?? "") : null);
}

public sealed record ChangeResponse(string Field, string? Before, string? After, string Reason, string ChangedBy, string ChangedByName, DateTimeOffset ChangedAt)
{
    public static ChangeResponse From(CustomerChange c) => new(c.Field, c.Before, c.After, c.Reason, c.ChangedBy, c.ChangedByName, c.ChangedAt);
}

public sealed record VisitResponse(Guid Id, VisitChannel Channel, DateTimeOffset At, bool Returning, string? Note, string RecordedByName, CustomerStage Stage)
{
    public static VisitResponse From(CustomerVisit v, CustomerStage stage) => new(v.Id, v.Channel, v.At, v.Returning, v.Note, v.RecordedByName, stage);
}
