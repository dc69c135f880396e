using Crm.Http;
using Crm.Messages;

namespace Crm.CustomerInfo;

/// <summary>
/// The basic information as the API carries it, for registration and for a change. Text is trimmed
/// and blank text read as absent before the rules of <see cref="BasicInfoRules"/> are checked.
/// </summary>
public sealed record CustomerDetails(
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
    public const int MaxSpecialRequestLength = TextLimits.Reason;

    public static CustomerDetails From(string name, string phone, BasicInfo info, string? specialRequest) =>
        new(name, phone, info.OtherContact, info.Address, info.Family, info.IncomeBand, info.Preferences, info.House, specialRequest);

    /// <summary>Checks every field and gives the tidied values: the phone normalised, text trimmed.</summary>
    public (string Name, string Phone, BasicInfo Info, string? SpecialRequest) Validate(FieldErrors errors)
    {
        var name = Tidy(Name);
        if (name is null) errors.Add("name", "The customer's name is required.");
        BasicInfoRules.Text(name, "name", BasicInfoRules.MaxNameLength, errors);

        var phone = "";
        if (string.IsNullOrWhiteSpace(Phone)) errors.Add("phone", "The phone number is required.");
        else if (!PhoneNumber.TryNormalize(Phone, out phone))
            errors.Add("phone", "Not a valid phone number: a mainland mobile (11 digits) or a landline with its area code.");

        var info = new BasicInfo
        {
            OtherContact = Tidy(OtherContact),
            Address = Tidy(Address),
            Family = Family is { Size: null, Elderly: null, Children: null } ? null : Family,
            IncomeBand = IncomeBand,
            Preferences = Preferences is null ? null : TidyPreferences(Preferences),
            House = House is null ? null : TidyHouse(House),
        };
        BasicInfoRules.Check(info, errors);
        var specialRequest = Tidy(SpecialRequest);
        BasicInfoRules.Text(specialRequest, "specialRequest", MaxSpecialRequestLength, errors);
        return (name ?? "", phone, info, specialRequest);
    }

    private static Preferences? TidyPreferences(Preferences p)
    {
        var styles = p.Styles?.Select(s => s?.Trim() ?? "").Distinct().ToList();
        var tidy = new Preferences(styles is { Count: > 0 } ? styles : null, p.Budget);
        return tidy is { Styles: null, Budget: null } ? null : tidy;
    }

    private static House? TidyHouse(House h)
    {
        var tidy = h with { Community = Tidy(h.Community), Address = Tidy(h.Address), Layout = Tidy(h.Layout) };
        return tidy is { Community: null, Address: null, AreaM2: null, Layout: null, Kind: null, DeliveryDate: null } ? null : tidy;
    }

    private static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
