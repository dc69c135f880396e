namespace Crm.Contracts.Domain;

/// <summary>A store's monthly request for contract forms (领取), with the figures it was based on.</summary>
public sealed class Requisition
{
    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    /// <summary>The month the forms are for, as its first day.</summary>
    public DateOnly Month { get; private set; }
    public int Quantity { get; private set; }
    public int Recommended { get; private set; }
    public string? Note { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    public static Requisition Request(Guid storeId, DateOnly month, int quantity, int recommended, string? note, Person by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        StoreId = storeId,
        Month = new DateOnly(month.Year, month.Month, 1),
        Quantity = quantity,
        Recommended = recommended,
        Note = note,
        RequestedBy = by.Name,
        RequestedAt = now,
    };
}

/// <summary>The recommended requisition (domain.md §3) and what it was computed from.</summary>
public sealed record RequisitionRecommendation(int Recommended, int InStock, decimal ExpectedSignings, decimal Margin)
{
    public const decimal DefaultMargin = 0.2m;

    /// <summary>
    /// max(0, ceil(expected × (1 + margin)) − in stock); expected is the manager's figure, or else the average
    /// monthly signings of the three months before.
    /// </summary>
    public static RequisitionRecommendation For(IReadOnlyList<int> lastThreeMonths, int? managersFigure, int inStock, decimal margin = DefaultMargin)
    {
        if (managersFigure is null && lastThreeMonths.Count != 3) throw new ArgumentException("Three months of signings are needed.", nameof(lastThreeMonths));
        // Multiplied before dividing, so that an average of 5/3 with a margin of 0.2 needs exactly 2, not 2.0000…1.
        var needed = managersFigure is { } figure ? figure * (1 + margin) : lastThreeMonths.Sum() * (1 + margin) / 3m;
        var expected = managersFigure ?? lastThreeMonths.Sum() / 3m;
        var recommended = Math.Max(0, (int)Math.Ceiling(needed) - inStock);
        return new(recommended, inStock, Math.Round(expected, 2), margin);
    }
}
