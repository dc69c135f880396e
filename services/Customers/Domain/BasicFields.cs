using System.Globalization;

namespace Crm.Customers.Domain;

/// <summary>
/// The basic fields of a customer, each with the name the API and the change log use and how its value reads.
/// The completeness rate counts them; the change log compares them one by one.
/// </summary>
public static class BasicFields
{
    private sealed record Field(string Name, Func<BasicSnapshot, string?> Read);

    /// <summary>Name, phone and the basic information, as one comparable whole.</summary>
    public sealed record BasicSnapshot(string Name, string Phone, BasicInfo Info);

    private static readonly Field[] Fields =
    [
        new("name", s => s.Name),
        new("phone", s => s.Phone),
        new("otherContact", s => s.Info.OtherContact),
        new("address", s => s.Info.Address),
        new("family.size", s => Number(s.Info.Family?.Size)),
        new("family.elderly", s => Number(s.Info.Family?.Elderly)),
        new("family.children", s => Number(s.Info.Family?.Children)),
        new("incomeBand", s => s.Info.IncomeBand?.ToString()),
        new("preferences.styles", s => s.Info.Preferences?.Styles is { Count: > 0 } styles ? string.Join(", ", styles) : null),
        new("preferences.budget", s => Number(s.Info.Preferences?.Budget)),
        new("house.community", s => s.Info.House?.Community),
        new("house.address", s => s.Info.House?.Address),
        new("house.areaM2", s => Number(s.Info.House?.AreaM2)),
        new("house.layout", s => s.Info.House?.Layout),
        new("house.kind", s => s.Info.House?.Kind?.ToString()),
    ];

    /// <summary>The delivery date is asked only of an off-plan house, so it is compared but not counted.</summary>
    private static readonly Field DeliveryDate =
        new("house.deliveryDate", s => s.Info.House?.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static int Count => Fields.Length;

    public static IEnumerable<string> Names => Fields.Select(f => f.Name).Append(DeliveryDate.Name);

    /// <summary>Filled basic fields ÷ all basic fields (domain.md §1), rounded to 4 places.</summary>
    public static decimal Completeness(BasicSnapshot snapshot) =>
        Math.Round((decimal)Fields.Count(f => f.Read(snapshot) is not null) / Fields.Length, 4);

    /// <summary>Every field whose value differs, with its value before and after.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Differences(BasicSnapshot before, BasicSnapshot after) =>
        Fields.Append(DeliveryDate)
            .Select(f => (f.Name, Before: f.Read(before), After: f.Read(after)))
            .Where(d => d.Before != d.After)
            .ToList();

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
}
