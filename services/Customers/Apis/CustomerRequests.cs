namespace Crm.Customers.Apis;

public sealed record RegisterCustomerRequest(
    Guid? StoreId,
    CustomerSource? Source,
    string? Name,
    string? Phone,
    string? OtherContact = null,
    string? Address = null,
    Family? Family = null,
    IncomeBand? IncomeBand = null,
    Preferences? Preferences = null,
    House? House = null,
    Guid? RequestedDesignerId = null,
    string? SpecialRequest = null)
{
    public CustomerDetails Details => new(Name, Phone, OtherContact, Address, Family, IncomeBand, Preferences, House, SpecialRequest);

    public FieldErrors Validate(out CustomerRegistration registration)
    {
        var errors = new FieldErrors();
        if (StoreId is null || StoreId == Guid.Empty) errors.Add("storeId", "The store is required.");
        if (Source is null) errors.Add("source", $"The source is required: one of {string.Join(", ", Enum.GetNames<CustomerSource>())}.");
        if (RequestedDesignerId == Guid.Empty) errors.Add("requestedDesignerId", "Not a designer's id.");
        var (name, phone, info, specialRequest) = Details.Validate(errors);
        registration = new CustomerRegistration(Source ?? default, name, phone, info, RequestedDesignerId, specialRequest);
        return errors;
    }
}

public sealed record RecordMilestoneRequest(
    MilestoneType? Type, DateTimeOffset? At, decimal? Amount, DepositKind? DepositKind, decimal? AreaM2, string? Reason, string? Competitor)
{
    /// <summary>A clock a few minutes fast on a phone should not refuse a milestone recorded "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public FieldErrors Validate(Customer customer, DateTimeOffset now, out MilestoneDraft draft)
    {
        var errors = new FieldErrors();
        if (Type is null) errors.Add("type", $"The milestone type is required: one of {string.Join(", ", Enum.GetNames<MilestoneType>())}.");
        var at = At ?? now;
        if (at > now + ClockSkew) errors.Add("at", "A milestone cannot be recorded in the future.");
        if (at < customer.RegisteredAt - ClockSkew) errors.Add("at", $"The customer was registered on {customer.RegisteredAt:yyyy-MM-dd HH:mm}; a milestone cannot be earlier.");
        draft = new MilestoneDraft(Type ?? default, at, Amount, DepositKind, AreaM2,
            string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(), string.IsNullOrWhiteSpace(Competitor) ? null : Competitor.Trim());
        if (Type is not null) draft.Check(errors);
        return errors;
    }
}

public sealed record RecordVisitRequest(VisitChannel? Channel, DateTimeOffset? At, string? Note)
{
    public FieldErrors Validate(Customer customer, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        if (Channel is null) errors.Add("channel", "How the customer came: WalkIn or Phone.");
        if (At > now + RecordMilestoneRequest.ClockSkew) errors.Add("at", "A visit cannot be recorded in the future.");
        if (At < customer.RegisteredAt) errors.Add("at", "A visit cannot be earlier than the registration.");
        BasicInfoRules.Text(Note, "note", MilestoneDraft.MaxReasonLength, errors);
        return errors;
    }
}
