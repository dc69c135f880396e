namespace Crm.Customers.Tests.Domain;

/// <summary>Each milestone carries its own figures (domain.md §1), and only those.</summary>
public sealed class MilestoneFiguresTests
{
    private static readonly DateTimeOffset At = Customers.RegisteredAt.AddDays(1);

    public static TheoryData<MilestoneDraft, string> Refused => new()
    {
        { new(MilestoneType.DepositPaid, At, DepositKind: DepositKind.Measurement), "amount" },
        { new(MilestoneType.DepositPaid, At, Amount: 5000m), "depositKind" },
        { new(MilestoneType.DepositPaid, At, Amount: 0m, DepositKind: DepositKind.Promotion), "amount" },
        { new(MilestoneType.DepositPaid, At, Amount: -1m, DepositKind: DepositKind.Promotion), "amount" },
        { new(MilestoneType.DepositPaid, At, Amount: 10.005m, DepositKind: DepositKind.Promotion), "amount" },
        { new(MilestoneType.DesignFeePaid, At), "amount" },
        { new(MilestoneType.Quoted, At), "amount" },
        { new(MilestoneType.ContractSigned, At, Amount: 100000m), "areaM2" },
        { new(MilestoneType.ContractSigned, At, AreaM2: 100m), "amount" },
        { new(MilestoneType.ContractSigned, At, Amount: 100000m, AreaM2: 0m), "areaM2" },
        { new(MilestoneType.Measured, At, Amount: 100m), "amount" },
        { new(MilestoneType.Measured, At, DepositKind: DepositKind.Measurement), "depositKind" },
        { new(MilestoneType.Quoted, At, Amount: 100m, AreaM2: 100m), "areaM2" },
        { new(MilestoneType.Lost, At), "reason" },
        { new(MilestoneType.Invalidated, At), "reason" },
        { new(MilestoneType.Reopened, At), "reason" },
        { new(MilestoneType.Measured, At, Competitor: "某装饰"), "competitor" },
        { new(MilestoneType.Lost, At, Reason: new string('x', 501)), "reason" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_missing_or_foreign_figure_names_its_field(MilestoneDraft draft, string field)
    {
        var errors = new FieldErrors();
        draft.Check(errors);
        Assert.Equal([field], errors.ToDictionary().Keys);
    }

    [Fact]
    public void Every_type_with_the_figures_it_needs_is_accepted()
    {
        foreach (var type in Enum.GetValues<MilestoneType>())
        {
            var errors = new FieldErrors();
            Customers.Draft(type, At).Check(errors);
            Assert.False(errors.Any, $"{type}: {string.Join("; ", errors.ToDictionary().Keys)}");
        }
        var lost = new FieldErrors();
        new MilestoneDraft(MilestoneType.Lost, At, Reason: "价格", Competitor: "某装饰").Check(lost);
        Assert.False(lost.Any);
    }
}
