namespace Crm.Reports.Domain;

/// <summary>
/// The customer-resource figures of domain.md §5 for one store, source, designer or the whole, over a period of
/// store-local days. Counts and sums are added up from the facts; the averages follow from them.
/// </summary>
public sealed record ResourceFigures
{
    public int NewRegistered { get; init; }
    /// <summary>Valid customers dispatched to a designer, neither signed nor lost, at the end of the period.</summary>
    public int InNegotiation { get; init; }
    /// <summary>Customers whose first deposit (either kind) falls in the period, each once.</summary>
    public int Deposits { get; init; }
    /// <summary>Every deposit paid in the period.</summary>
    public decimal DepositAmount { get; init; }
    public int SignedCount { get; init; }
    public decimal SignedAmount { get; init; }
    public decimal SignedAreaM2 { get; init; }
    public int DesignFeeCount { get; init; }
    public decimal DesignFees { get; init; }
    /// <summary>The customers registered in the period, whose completeness (as of its end) the rate averages.</summary>
    public int CompletenessCustomers { get; init; }
    /// <summary>Their completeness rates added up.</summary>
    public decimal CompletenessSum { get; init; }

    /// <summary>The completeness rate of the basic information, 0 to 1 to four places; none without a customer.</summary>
    public decimal? CompletenessRate => CompletenessCustomers == 0 ? null : Math.Round(CompletenessSum / CompletenessCustomers, 4);

    /// <summary>平均单额: signed amount ÷ signed count, to the fen; none without a signing.</summary>
    public decimal? AverageOrder => SignedCount == 0 ? null : Money(SignedAmount / SignedCount);

    /// <summary>平米均价: signed amount ÷ signed area, to the fen; none without a signed area.</summary>
    public decimal? AveragePricePerM2 => SignedAreaM2 == 0 ? null : Money(SignedAmount / SignedAreaM2);

    public static readonly ResourceFigures None = new();

    /// <summary>The figures of two parts together (two stores, two sources): the chain is the sum of its stores.</summary>
    public ResourceFigures Plus(ResourceFigures other) => new()
    {
        NewRegistered = NewRegistered + other.NewRegistered,
        InNegotiation = InNegotiation + other.InNegotiation,
        Deposits = Deposits + other.Deposits,
        DepositAmount = DepositAmount + other.DepositAmount,
        SignedCount = SignedCount + other.SignedCount,
        SignedAmount = SignedAmount + other.SignedAmount,
        SignedAreaM2 = SignedAreaM2 + other.SignedAreaM2,
        DesignFeeCount = DesignFeeCount + other.DesignFeeCount,
        DesignFees = DesignFees + other.DesignFees,
        CompletenessCustomers = CompletenessCustomers + other.CompletenessCustomers,
        CompletenessSum = CompletenessSum + other.CompletenessSum,
    };

    private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
