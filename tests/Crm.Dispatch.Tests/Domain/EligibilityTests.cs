namespace Crm.Dispatch.Tests.Domain;

/// <summary>Eligibility (domain.md §2), one case per rule, each with its boundary.</summary>
public sealed class EligibilityTests
{
    private static DispatchRule? ExcludedBy(Candidate candidate, DispatchSettings? settings = null) =>
        Eligibility.Exclusion(candidate, Rules.Customer(), settings ?? DispatchSettings.Defaults(Rules.Store), Rules.Today)?.Rule;

    [Fact]
    public void An_active_designer_on_duty_under_every_limit_is_eligible() =>
        Assert.Null(ExcludedBy(Rules.Designer("甲").Ready(holdings: 2, stalled: 2)));

    [Fact]
    public void A_designer_of_another_store_is_not()
    {
        var elsewhere = Designer.Join(Guid.NewGuid(), "外店", DesignerLevel.Chief, true, []);
        Assert.Equal(DispatchRule.OtherStore, ExcludedBy(elsewhere.Ready()));
    }

    [Fact]
    public void A_designer_off_duty_today_is_not() => Assert.Equal(DispatchRule.NotOnDuty, ExcludedBy(Rules.Designer("甲").Ready(onDuty: false)));

    [Fact]
    public void A_removed_designer_is_not()
    {
        var designer = Rules.Designer("甲");
        designer.Remove();
        Assert.Equal(DispatchRule.Removed, ExcludedBy(designer.Ready()));
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, DispatchRule.HoldingCap)]
    [InlineData(4, DispatchRule.HoldingCap)]
    public void Three_deposit_paid_unsigned_customers_reach_the_holding_cap(int holdings, DispatchRule? rule) =>
        Assert.Equal(rule, ExcludedBy(Rules.Designer("甲").Ready(holdings: holdings)));

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, DispatchRule.StalledProposals)]
    public void Three_stalled_proposals_stop_new_customers(int stalled, DispatchRule? rule) =>
        Assert.Equal(rule, ExcludedBy(Rules.Designer("甲").Ready(stalled: stalled)));

    [Fact]
    public void The_limits_are_the_stores_settings_not_literals()
    {
        var settings = DispatchSettings.Defaults(Rules.Store);
        settings.Change(settings.Values with { HoldingCap = 5, StalledProposalCount = 1 }, "test", Rules.Now);

        Assert.Null(ExcludedBy(Rules.Designer("甲").Ready(holdings: 4), settings));
        Assert.Equal(DispatchRule.HoldingCap, ExcludedBy(Rules.Designer("甲").Ready(holdings: 5), settings));
        Assert.Equal(DispatchRule.StalledProposals, ExcludedBy(Rules.Designer("甲").Ready(stalled: 1), settings));
    }

    [Fact]
    public void A_suspension_excludes_through_its_last_day_only()
    {
        var designer = Rules.Designer("甲");
        designer.Suspend(Rules.Today.AddDays(29), Rules.Today);

        Assert.Equal(DispatchRule.Suspended, ExcludedBy(designer.Ready()));
        Assert.Equal(DesignerStatus.Suspended, designer.StatusOn(Rules.Today.AddDays(29)));
        Assert.Equal(DesignerStatus.Active, designer.StatusOn(Rules.Today.AddDays(30)));
    }
}
