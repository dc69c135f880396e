namespace Crm.Reports.Domain;

/// <summary>
/// How many of a store's customers entered (positive) or left (negative) a stage on a store-local day. The sum of a
/// store's moves up to a day is the count standing in each stage at its end: the morning meeting reads a store's
/// days, not its every customer.
/// </summary>
public sealed class StageMove
{
    public Guid StoreId { get; private set; }
    public DateOnly Day { get; private set; }
    public CustomerStage Stage { get; private set; }
    public int Count { get; private set; }
}

/// <summary>
/// The stage moves of a store's month added up (<see cref="Month"/> is its first day): a count standing at a day is the
/// months before it plus the days of its own month, some 36 × 8 + 31 × 8 rows at most for three years.
/// </summary>
public sealed class StageMonth
{
    public Guid StoreId { get; private set; }
    public DateOnly Month { get; private set; }
    public CustomerStage Stage { get; private set; }
    public int Count { get; private set; }
}

/// <summary>The completeness moves of a store's month added up.</summary>
public sealed class CompletenessMonth
{
    public Guid StoreId { get; private set; }
    public DateOnly Month { get; private set; }
    public decimal Sum { get; private set; }
    public int Customers { get; private set; }
}

/// <summary>The change a store-local day made to the sum of its customers' completeness rates, and to how many customers have one.</summary>
public sealed class CompletenessMove
{
    public Guid StoreId { get; private set; }
    public DateOnly Day { get; private set; }
    public decimal Sum { get; private set; }
    public int Customers { get; private set; }
}

/// <summary>A change to a store's tallies on a day: a stage entered or left, or a completeness changed.</summary>
public readonly record struct StageChange(DateOnly Day, CustomerStage Stage, int Count);

public readonly record struct CompletenessChange(DateOnly Day, decimal Sum, int Customers);

/// <summary>
/// The tallies a fact changes, whatever order the facts arrive in. A customer's stage is the one after their latest
/// milestone (by instant, then id), else the stage they were registered in; their completeness is their latest rate.
/// A fact that lands between two known ones takes over from the one before it, and the one after it now takes over
/// from it instead.
/// </summary>
public static class TallyRules
{
    public static IEnumerable<StageChange> StageChanges(CustomerStage registeredIn, IReadOnlyCollection<MilestoneFact> others, MilestoneFact added)
    {
        var before = others.Where(m => Precedes(m, added)).MaxBy(m => (m.At, m.Id));
        var after = others.Where(m => Precedes(added, m)).MinBy(m => (m.At, m.Id));
        var from = before?.Stage ?? registeredIn;
        yield return new(added.Day, from, -1);
        yield return new(added.Day, added.Stage, 1);
        if (after is null) yield break;
        yield return new(after.Day, from, 1);
        yield return new(after.Day, added.Stage, -1);
    }

    public static IEnumerable<CompletenessChange> CompletenessChanges(IReadOnlyCollection<(DateTimeOffset At, DateOnly Day, decimal Rate)> others, (DateTimeOffset At, DateOnly Day, decimal Rate) added)
    {
        var before = others.Where(f => f.At <= added.At).Select(f => ((DateTimeOffset At, DateOnly Day, decimal Rate)?)f).MaxBy(f => f!.Value.At);
        var after = others.Where(f => f.At > added.At).Select(f => ((DateTimeOffset At, DateOnly Day, decimal Rate)?)f).MinBy(f => f!.Value.At);
        var from = before?.Rate ?? 0m;
        yield return new(added.Day, added.Rate - from, before is null ? 1 : 0);
        if (after is { } next) yield return new(next.Day, from - added.Rate, before is null ? -1 : 0);
    }

    private static bool Precedes(MilestoneFact a, MilestoneFact b) => a.At < b.At || (a.At == b.At && a.Id.CompareTo(b.Id) < 0);
}
