namespace Crm.Partners.Domain;

/// <summary>A store as the partner service keeps it: the common copy and the city that leads are routed by.</summary>
public sealed class PartnerStore : StoreCopy
{
    public string City { get; private set; } = "";

    public static PartnerStore From(StoreOpened opened)
    {
        var store = From<PartnerStore>(opened);
        store.City = opened.City;
        return store;
    }
}

/// <summary>
/// Which store a lead goes to: the one named, if the supplier may use it; otherwise, by city, the store of that
/// city the supplier may use that received the fewest leads lately (then the lowest code), so leads spread evenly.
/// A store the supplier may not use is answered as if it did not exist.
/// </summary>
public static class LeadRouting
{
    public static Outcome<Guid> Route(Guid? storeId, string? city, IReadOnlyList<PartnerStore> usable, IReadOnlyDictionary<Guid, int> recentLeads)
    {
        if (storeId is { } named)
            return usable.Any(s => s.Id == named) ? named : Violation.Invalid("storeId", "No store you may send leads to has that id.");
        var inCity = usable.Where(s => string.Equals(s.City, city?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (inCity.Count == 0)
            return Violation.Invalid("city", $"None of the stores you may send leads to is in {city}. Your cities: {string.Join(", ", usable.Select(s => s.City).Distinct().Order())}.");
        return inCity.OrderBy(s => recentLeads.GetValueOrDefault(s.Id)).ThenBy(s => s.Code, StringComparer.Ordinal).First().Id;
    }
}
