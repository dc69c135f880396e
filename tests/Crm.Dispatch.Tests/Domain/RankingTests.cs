namespace Crm.Dispatch.Tests.Domain;

/// <summary>The choice among eligible designers (domain.md §2), one case per rule and tie-break, and the trace's words.</summary>
public sealed class RankingTests
{
    [Fact]
    public void The_requested_designer_wins_when_eligible()
    {
        var waitedLongest = Rules.Designer("甲", lastDispatch: 1);
        var requested = Rules.Designer("乙", lastDispatch: 9);

        var decision = Rules.Decide(Rules.Customer(requested: requested.Id), waitedLongest.Ready(), requested.Ready());

        Assert.Same(requested, decision.Chosen);
        Assert.Equal(DispatchRule.RequestedDesigner, decision.Trace.DecidingRule);
    }

    [Fact]
    public void The_requested_designer_does_not_win_when_suspended()
    {
        var other = Rules.Designer("甲", lastDispatch: 5);
        var requested = Rules.Designer("乙", lastDispatch: 1);
        requested.Suspend(Rules.Today.AddDays(3), Rules.Today);

        var decision = Rules.Decide(Rules.Customer(requested: requested.Id), other.Ready(), requested.Ready());

        Assert.Same(other, decision.Chosen);
        Assert.Contains("The customer asked for 乙, who is suspended until 2026-11-30.", decision.Trace.Decision);
    }

    public static TheoryData<decimal?, decimal?> BigOrders => new() { { 300_000m, null }, { null, 150m }, { 500_000m, 200m } };

    [Theory]
    [MemberData(nameof(BigOrders))]
    public void A_big_order_goes_to_a_senior_or_fee_charging_designer_when_one_is_eligible(decimal? budget, decimal? area)
    {
        var junior = Rules.Designer("甲", DesignerLevel.Designer, lastDispatch: 1);
        var senior = Rules.Designer("乙", DesignerLevel.Senior, lastDispatch: 5);
        var feeCharging = Rules.Designer("丙", DesignerLevel.Assistant, fee: true, lastDispatch: 3);

        var decision = Rules.Decide(Rules.Customer(budget, area), junior.Ready(), senior.Ready(), feeCharging.Ready());

        Assert.Same(feeCharging, decision.Chosen);
        Assert.Equal(DispatchRule.BigOrder, decision.Trace.DecidingRule);
        Assert.Equal(["丙", "乙", "甲"], decision.Trace.Designers.Select(d => d.Name));
    }

    [Fact]
    public void A_big_order_goes_to_the_others_when_no_senior_or_fee_charging_designer_is_eligible()
    {
        var junior = Rules.Designer("甲", DesignerLevel.Designer, lastDispatch: 2);
        var senior = Rules.Designer("乙", DesignerLevel.Chief, lastDispatch: 1);

        var decision = Rules.Decide(Rules.Customer(budget: 400_000m), junior.Ready(), senior.Ready(holdings: 3));

        Assert.Same(junior, decision.Chosen);
        Assert.Equal(DispatchRule.Rotation, decision.Trace.DecidingRule);
    }

    [Fact]
    public void The_words_give_each_step_that_narrowed_the_choice()
    {
        var junior = Rules.Designer("甲", DesignerLevel.Designer, styles: ["Nordic"], lastDispatch: 1);
        var seniorFits = Rules.Designer("乙", DesignerLevel.Senior, styles: ["Nordic"], lastDispatch: 6);
        var seniorOther = Rules.Designer("丙", DesignerLevel.Senior, styles: ["Luxury"], lastDispatch: 2);
        var seniorFitsLater = Rules.Designer("丁", DesignerLevel.Chief, styles: ["Nordic"], lastDispatch: 8);

        var decision = Rules.Decide(Rules.Customer(budget: 400_000m, styles: ["Nordic"]), junior.Ready(), seniorFits.Ready(), seniorOther.Ready(), seniorFitsLater.Ready());

        Assert.Equal("乙: a big order (budget ¥400,000 ≥ ¥300,000) goes first to designers of level 3 or above and fee-charging designers; " +
            "of those, this designer's styles or notes fit the customer (styles Nordic); and of the 2 left, waited longest since the last dispatch (2026-11-26 09:26:00 UTC).",
            decision.Trace.Decision);
        Assert.Equal(["乙", "丁", "丙", "甲"], decision.Trace.Designers.Select(d => d.Name));
    }

    [Fact]
    public void An_order_below_both_thresholds_is_not_big()
    {
        var junior = Rules.Designer("甲", DesignerLevel.Designer, lastDispatch: 1);
        var senior = Rules.Designer("乙", DesignerLevel.Senior, lastDispatch: 2);

        Assert.Same(junior, Rules.Decide(Rules.Customer(299_999m, 149.99m), junior.Ready(), senior.Ready()).Chosen);
    }

    [Fact]
    public void Designers_whose_styles_fit_rank_first()
    {
        var longestWait = Rules.Designer("甲", styles: ["Industrial"], lastDispatch: 1);
        var fits = Rules.Designer("乙", styles: ["Nordic", "Modern"], lastDispatch: 7);

        var decision = Rules.Decide(Rules.Customer(styles: ["modern"]), longestWait.Ready(), fits.Ready());

        Assert.Same(fits, decision.Chosen);
        Assert.Equal(DispatchRule.Fit, decision.Trace.DecidingRule);
    }

    [Fact]
    public void A_special_request_fits_a_designer_whose_notes_name_it()
    {
        var other = Rules.Designer("甲", lastDispatch: 1, notes: "沟通耐心");
        var villas = Rules.Designer("乙", lastDispatch: 7, notes: "擅长别墅、大平层");

        Assert.Same(villas, Rules.Decide(Rules.Customer(special: "大平层，要有经验"), other.Ready(), villas.Ready()).Chosen);
    }

    [Fact]
    public void Rotation_serves_whoever_waited_longest_and_a_designer_never_dispatched_first()
    {
        var recent = Rules.Designer("甲", lastDispatch: 9);
        var longest = Rules.Designer("乙", lastDispatch: 2);
        var never = Rules.Designer("丙");

        Assert.Same(never, Rules.Decide(Rules.Customer(), recent.Ready(), longest.Ready(), never.Ready()).Chosen);
        Assert.Same(longest, Rules.Decide(Rules.Customer(), recent.Ready(), longest.Ready()).Chosen);
    }

    [Fact]
    public void An_equal_wait_goes_to_fewer_holdings_then_to_the_lower_id()
    {
        var (first, second) = (Rules.Designer("甲"), Rules.Designer("乙"));
        var (lowerId, higherId) = first.Id.CompareTo(second.Id) < 0 ? (first, second) : (second, first);

        Assert.Same(higherId, Rules.Decide(Rules.Customer(), lowerId.Ready(holdings: 2), higherId.Ready(holdings: 1)).Chosen);
        Assert.Same(lowerId, Rules.Decide(Rules.Customer(), higherId.Ready(holdings: 1), lowerId.Ready(holdings: 1)).Chosen);
    }

    [Fact]
    public void Nobody_eligible_is_a_decision_without_a_designer_that_says_why_for_each()
    {
        var full = Rules.Designer("甲");
        var away = Rules.Designer("乙");

        var decision = Rules.Decide(Rules.Customer(), full.Ready(holdings: 3), away.Ready(onDuty: false));

        Assert.Null(decision.Chosen);
        Assert.Equal("No designer is eligible: 甲 holds 3 deposit-paid unsigned customers (the cap is 3); 乙 is not on duty on 2026-11-27.", decision.Trace.Decision);
    }

    [Fact]
    public void The_trace_says_in_words_why_that_designer_and_why_not_each_other_one()
    {
        var chosen = Rules.Designer("甲", lastDispatch: 1);
        var later = Rules.Designer("乙", lastDispatch: 5);
        var full = Rules.Designer("丙", lastDispatch: 0);
        var suspended = Rules.Designer("丁");
        suspended.Suspend(Rules.Today.AddDays(10), Rules.Today);

        var trace = Rules.Decide(Rules.Customer(), chosen.Ready(), later.Ready(), full.Ready(holdings: 3), suspended.Ready()).Trace;

        Assert.Equal("甲: of the 2 eligible designers, waited longest since the last dispatch (2026-11-26 09:21:00 UTC).", trace.Decision);
        Assert.Equal(
        [
            ("甲", 1, "Chosen: of the 2 eligible designers, waited longest since the last dispatch (2026-11-26 09:21:00 UTC)."),
            ("乙", 2, "Eligible, ranked 2 of 2: waited less: last dispatched 2026-11-26 09:25:00 UTC, after 甲 (2026-11-26 09:21:00 UTC)."),
            ("丙", (int?)null, "Not eligible: the designer holds 3 deposit-paid unsigned customers (the cap is 3)."),
            ("丁", null, "Not eligible: the designer is suspended until 2026-12-07."),
        ], trace.Designers.Select(d => (d.Name, d.Rank, d.Explanation)));
    }

    [Fact]
    public void A_manual_choice_against_the_rules_is_an_override_with_its_reason()
    {
        var rulesChoice = Rules.Designer("甲", lastDispatch: 1);
        var named = Rules.Designer("乙", lastDispatch: 5);

        var decision = Dispatcher.Decide([rulesChoice.Ready(), named.Ready()], Rules.Customer(), DispatchSettings.Defaults(Rules.Store),
            new Dispatcher.Request(DispatchKind.Manual, "王店长", Rules.Now, Rules.Today, named.Id, "客户是乙的老客户"));

        Assert.Same(named, decision.Chosen);
        Assert.True(decision.Trace.Override);
        Assert.Equal(DispatchRule.Manual, decision.Trace.DecidingRule);
        Assert.Equal("乙 was named by 王店长, overriding the rules, which would have chosen 甲: 客户是乙的老客户", decision.Trace.Decision);
    }

    [Fact]
    public void Naming_the_rules_own_choice_is_no_override()
    {
        var rulesChoice = Rules.Designer("甲", lastDispatch: 1);
        var decision = Dispatcher.Decide([rulesChoice.Ready(), Rules.Designer("乙", lastDispatch: 5).Ready()], Rules.Customer(), DispatchSettings.Defaults(Rules.Store),
            new Dispatcher.Request(DispatchKind.Manual, "王店长", Rules.Now, Rules.Today, rulesChoice.Id));

        Assert.False(decision.Trace.Override);
        Assert.Equal(DispatchRule.Rotation, decision.Trace.DecidingRule);
    }
}
