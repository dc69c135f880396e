namespace Crm.Partners.Apis;

/// <summary>A lead as a partner sends it: its own id for it, where it goes (a store, or a city), and the customer's basic information.</summary>
public sealed record LeadRequest(
    string? ExternalId,
    Guid? StoreId = null,
    string? City = null,
    string? Name = null,
    string? Phone = null,
    string? OtherContact = null,
    string? Address = null,
    Family? Family = null,
    IncomeBand? IncomeBand = null,
    Preferences? Preferences = null,
    House? House = null,
    string? SpecialRequest = null)
{
    /// <summary>Checks the lead by the rules of a registration, naming each field that breaks one.</summary>
    public FieldErrors Validate(out LeadDraft draft)
    {
        var errors = new FieldErrors();
        var externalId = LeadRequests.ExternalId(ExternalId, errors);
        if (StoreId is null && string.IsNullOrWhiteSpace(City)) errors.Add("storeId", "Name the store (storeId) or the city (city) the lead is for.");
        if (StoreId == Guid.Empty) errors.Add("storeId", "Not a store's id.");
        TextFields.Check(City, "city", TextLimits.Name, required: false, "", errors);
        var (name, phone, info, specialRequest) = new CustomerDetails(Name, Phone, OtherContact, Address, Family, IncomeBand, Preferences, House, SpecialRequest).Validate(errors);
        draft = new LeadDraft(externalId, name, phone, info, specialRequest);
        return errors;
    }
}

public static class LeadRequests
{
    public const int MaxExternalIdLength = 100;

    public static string ExternalId(string? value, FieldErrors errors)
    {
        TextFields.Check(value, "externalId", MaxExternalIdLength, required: true,
            "Your own id for the lead is required: sending the same id again is answered with the lead already received.", errors);
        var id = value?.Trim() ?? "";
        if (id.Any(char.IsControl)) errors.Add("externalId", "Control characters are not allowed.");
        return id;
    }
}

/// <summary>What a supplier is told of its lead.</summary>
public sealed record LeadAnswer(Guid LeadId, string ExternalId, Guid StoreId, LeadStatus Status, string? CustomerNo, DateTimeOffset ReceivedAt, DateTimeOffset StatusChangedAt)
{
    public static LeadAnswer From(Lead lead) => new(lead.Id, lead.ExternalId, lead.StoreId, lead.Status, lead.CustomerNo, lead.ReceivedAt, lead.StatusChangedAt);
}

/// <summary>A lead with how its status moved, for its supplier (and the chain).</summary>
public sealed record LeadView(
    Guid LeadId, string ExternalId, Guid StoreId, string StoreName, LeadStatus Status, string? CustomerNo, DateTimeOffset ReceivedAt, DateTimeOffset StatusChangedAt,
    string Supplier, IReadOnlyList<LeadStatusStep> History);

public sealed record LeadStatusStep(LeadStatus? From, LeadStatus To, DateTimeOffset At);
