namespace Crm.Reports.Tests;

/// <summary>The day tallies a fact changes, whichever order facts arrive in: the sums come out as if they had arrived in order.</summary>
public sealed class TallyRulesTests
{
    private static readonly Guid Store = Guid.NewGuid();
    private static readonly Guid Customer = Guid.NewGuid();

    [Fact]
    public void A_milestone_arriving_between_two_known_ones_takes_over_from_the_earlier_and_hands_over_to_the_later()
    {
        var deposit = Milestone(MilestoneType.DepositPaid, CustomerStage.DepositPaid, 5);
        var measured = Milestone(MilestoneType.Measured, CustomerStage.Measured, 10);
        var signed = Milestone(MilestoneType.ContractSigned, CustomerStage.ContractSigned, 20);
        var inOrder = Tally(CustomerStage.Registered, [deposit, measured, signed]);
        var measuredLast = Tally(CustomerStage.Registered, [deposit, signed, measured]);

        Assert.Equal(inOrder, measuredLast);
        // Standing at the end of the 15th: measured, nobody else; at the end of the 20th: signed.
        Assert.Equal([(CustomerStage.Measured, 1)], StandingOn(measuredLast, 15));
        Assert.Equal([(CustomerStage.ContractSigned, 1)], StandingOn(measuredLast, 20));
    }

    [Fact]
    public void A_completeness_rate_arriving_before_an_earlier_one_leaves_the_same_sum_and_one_customer()
    {
        var (first, second, third) = (Rate(0.3m, 1), Rate(0.6m, 4), Rate(0.9m, 8));
        var inOrder = Completeness([], first).Concat(Completeness([first], second)).Concat(Completeness([first, second], third));
        var backwards = Completeness([], third).Concat(Completeness([third], second)).Concat(Completeness([third, second], first));

        Assert.Equal(Sums(inOrder), Sums(backwards));
        Assert.Equal((0.6m, 1), SumOn(backwards, 5));
        Assert.Equal((0.9m, 1), SumOn(backwards, 8));
    }

    private static Dictionary<(DateOnly, CustomerStage), int> Tally(CustomerStage start, MilestoneFact[] order)
    {
        var known = new List<MilestoneFact>();
        var changes = new List<StageChange> { new(Day(1), start, 1) };
        foreach (var m in order)
        {
            changes.AddRange(TallyRules.StageChanges(start, known, m));
            known.Add(m);
        }
        return changes.GroupBy(x => (x.Day, x.Stage)).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)).Where(x => x.Value != 0).ToDictionary();
    }

    private static List<(CustomerStage, int)> StandingOn(Dictionary<(DateOnly Day, CustomerStage Stage), int> tally, int day) =>
        tally.Where(x => x.Key.Day <= Day(day)).GroupBy(x => x.Key.Stage).Select(g => (g.Key, g.Sum(x => x.Value))).Where(x => x.Item2 != 0).ToList();

    private static IEnumerable<CompletenessChange> Completeness(IReadOnlyCollection<(DateTimeOffset, DateOnly, decimal)> known, (DateTimeOffset, DateOnly, decimal) added) =>
        TallyRules.CompletenessChanges(known, added);

    private static Dictionary<DateOnly, (decimal, int)> Sums(IEnumerable<CompletenessChange> changes) =>
        changes.GroupBy(c => c.Day).ToDictionary(g => g.Key, g => (g.Sum(c => c.Sum), g.Sum(c => c.Customers)));

    private static (decimal, int) SumOn(IEnumerable<CompletenessChange> changes, int day)
    {
        var upTo = changes.Where(c => c.Day <= Day(day)).ToList();
        return (upTo.Sum(c => c.Sum), upTo.Sum(c => c.Customers));
    }

    private static (DateTimeOffset, DateOnly, decimal) Rate(decimal rate, int day) => (At(day), Day(day), rate);

    private static MilestoneFact Milestone(MilestoneType type, CustomerStage stage, int day) => MilestoneFact.From(new MilestoneRecorded
    {
        StoreId = Store, CustomerId = Customer, MilestoneId = Guid.CreateVersion7(), Type = type, At = At(day), Stage = stage, RecordedBy = "test",
    }, Day(day), null);

    private static DateOnly Day(int day) => new(2026, 11, day);
    private static DateTimeOffset At(int day) => new(2026, 11, day, 2, 0, 0, TimeSpan.Zero);
}
