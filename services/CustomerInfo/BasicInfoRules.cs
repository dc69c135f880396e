using Crm.Http;
using Crm.Messages;

namespace Crm.CustomerInfo;

/// <summary>What a customer's basic information may hold. Each broken rule names the field as the API spells it.</summary>
public static class BasicInfoRules
{
    public const int MaxNameLength = TextLimits.Name;
    public const int MaxTextLength = TextLimits.Line;
    public const int MaxShortTextLength = TextLimits.Word;
    public const int MaxFamilySize = 30;
    public const int MaxStyles = 10;
    public const decimal MaxBudget = 100_000_000m;
    public const decimal MaxAreaM2 = 10_000m;

    public static void Check(BasicInfo info, FieldErrors errors)
    {
        Text(info.OtherContact, "otherContact", MaxNameLength, errors);
        Text(info.Address, "address", MaxTextLength, errors);
        if (info.Family is { } family) CheckFamily(family, errors);
        if (info.IncomeBand is { } band && !Enum.IsDefined(band)) errors.Add("incomeBand", "Not a known income band.");
        if (info.Preferences is { } preferences) CheckPreferences(preferences, errors);
        if (info.House is { } house) CheckHouse(house, errors);
    }

    private static void CheckFamily(Family family, FieldErrors errors)
    {
        if (family.Size is < 1 or > MaxFamilySize) errors.Add("family.size", $"A family has 1 to {MaxFamilySize} members.");
        if (family.Elderly is < 0) errors.Add("family.elderly", "The number of elderly cannot be negative.");
        if (family.Children is < 0) errors.Add("family.children", "The number of children cannot be negative.");
        if (family.Size is { } size && (family.Elderly ?? 0) + (family.Children ?? 0) > size)
            errors.Add("family.size", "The family is smaller than its elderly and children together.");
    }

    private static void CheckPreferences(Preferences preferences, FieldErrors errors)
    {
        if (preferences.Styles is { } styles)
        {
            if (styles.Count > MaxStyles) errors.Add("preferences.styles", $"At most {MaxStyles} styles.");
            if (styles.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > MaxShortTextLength))
                errors.Add("preferences.styles", $"Each style is a word or two, 1 to {MaxShortTextLength} characters.");
        }
        Money(preferences.Budget, "preferences.budget", MaxBudget, errors);
    }

    private static void CheckHouse(House house, FieldErrors errors)
    {
        Text(house.Community, "house.community", MaxNameLength, errors);
        Text(house.Address, "house.address", MaxTextLength, errors);
        Text(house.Layout, "house.layout", MaxShortTextLength, errors);
        if (house.AreaM2 is { } area && (area <= 0 || area > MaxAreaM2 || decimal.Round(area, 2) != area))
            errors.Add("house.areaM2", $"The area is more than 0 and at most {MaxAreaM2:0} m², with at most 2 decimals.");
        if (house.Kind is { } kind && !Enum.IsDefined(kind)) errors.Add("house.kind", "Not a known kind of house.");
        if (house.Kind == HouseKind.OffPlan && house.DeliveryDate is null)
            errors.Add("house.deliveryDate", "An off-plan house needs its delivery date.");
        if (house.Kind != HouseKind.OffPlan && house.DeliveryDate is not null)
            errors.Add("house.deliveryDate", "Only an off-plan house has a delivery date.");
    }

    public static void Money(decimal? amount, string field, decimal max, FieldErrors errors)
    {
        if (amount is { } value && (value <= 0 || value > max || decimal.Round(value, 2) != value))
            errors.Add(field, $"An amount in yuan, more than 0 and at most {max:0}, with at most 2 decimals.");
    }

    public static void Text(string? value, string field, int maxLength, FieldErrors errors)
    {
        if (value is not null && value.Length > maxLength) errors.Add(field, $"At most {maxLength} characters.");
    }
}
