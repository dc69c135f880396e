namespace Crm.Contracts.Domain;

/// <summary>
/// A count of the forms physically in the store's drawer (our reading of "never left on the front desk"): the
/// serials present, against what the ledger says should be there. Differences become alerts until a later count.
/// </summary>
public sealed class StockCount
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public DateTimeOffset CountedAt { get; private set; }
    public string CountedBy { get; private set; } = "";
    public int Expected { get; private set; }
    public int Present { get; private set; }
    /// <summary>In the drawer by the ledger, not found in it.</summary>
    public List<string> Missing { get; private set; } = [];
    /// <summary>Found in the drawer, though the ledger has them elsewhere or does not know them.</summary>
    public List<string> Unexpected { get; private set; } = [];

    /// <summary>Which forms the ledger has in the drawer: in stock, or back with the customer manager and not passed on.</summary>
    public static bool InDrawer(ContractForm form) =>
        form.State == FormState.InStock || (form.State is FormState.Retrieved or FormState.Approved or FormState.Rejected && !form.IsPassedOn);

    public static StockCount Record(Guid storeId, IEnumerable<string> expectedInDrawer, IReadOnlyCollection<string> present, Person by, DateTimeOffset now)
    {
        var expected = expectedInDrawer.ToHashSet(StringComparer.Ordinal);
        var counted = present.ToHashSet(StringComparer.Ordinal);
        return new StockCount
        {
            Id = Guid.CreateVersion7(now),
            StoreId = storeId,
            CountedAt = now,
            CountedBy = by.Name,
            Expected = expected.Count,
            Present = counted.Count,
            Missing = expected.Except(counted).Order(StringComparer.Ordinal).ToList(),
            Unexpected = counted.Except(expected).Order(StringComparer.Ordinal).ToList(),
        };
    }
}
