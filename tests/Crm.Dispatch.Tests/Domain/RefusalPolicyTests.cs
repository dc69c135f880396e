namespace Crm.Dispatch.Tests.Domain;

/// <summary>A refusal (拒单, domain.md §2 rule 4): suspension for refusalSuspensionDays, removal flagged at removalRefusals within removalWindowDays.</summary>
public sealed class RefusalPolicyTests
{
    private static DispatchSettings Settings(int suspensionDays = 30, int removalRefusals = 3, int windowDays = 180)
    {
        var settings = DispatchSettings.Defaults(Rules.Store);
        settings.Change(settings.Values with { RefusalSuspensionDays = suspensionDays, RemovalRefusals = removalRefusals, RemovalWindowDays = windowDays }, "test", Rules.Now);
        return settings;
    }

    [Fact]
    public void A_refusal_suspends_for_the_stores_days_the_day_of_the_refusal_counting_as_the_first()
    {
        var consequences = RefusalPolicy.Consequences(Settings(suspensionDays: 30), Rules.Today, earlierRefusalsInWindow: 0, alreadyFlagged: false);

        Assert.Equal(new DateOnly(2026, 12, 26), consequences.SuspendedUntil);
        Assert.Equal(1, consequences.RefusalsInWindow);
        Assert.False(consequences.FlagForRemoval);
    }

    [Fact]
    public void A_store_that_suspends_for_no_days_does_not_suspend()
    {
        Assert.Null(RefusalPolicy.Consequences(Settings(suspensionDays: 0), Rules.Today, 0, false).SuspendedUntil);
    }

    [Fact]
    public void The_third_refusal_within_the_window_flags_removal_and_the_second_does_not()
    {
        Assert.False(RefusalPolicy.Consequences(Settings(), Rules.Today, earlierRefusalsInWindow: 1, alreadyFlagged: false).FlagForRemoval);
        var third = RefusalPolicy.Consequences(Settings(), Rules.Today, earlierRefusalsInWindow: 2, alreadyFlagged: false);
        Assert.True(third.FlagForRemoval);
        Assert.Equal(3, third.RefusalsInWindow);
    }

    [Fact]
    public void A_designer_already_flagged_is_not_flagged_again()
    {
        Assert.False(RefusalPolicy.Consequences(Settings(), Rules.Today, earlierRefusalsInWindow: 5, alreadyFlagged: true).FlagForRemoval);
    }

    [Fact]
    public void Refusals_count_from_the_start_of_the_window()
    {
        Assert.Equal(Rules.Now.AddDays(-180), RefusalPolicy.WindowStart(Settings(windowDays: 180), Rules.Now));
    }

    [Fact]
    public void A_refusal_suspends_an_active_designer_and_keeps_a_longer_suspension()
    {
        var designer = Rules.Designer("甲");
        designer.Apply(RefusalPolicy.Consequences(Settings(suspensionDays: 30), Rules.Today, 0, false), Rules.Today, Rules.Now);
        Assert.Equal(DesignerStatus.Suspended, designer.StatusOn(Rules.Today));
        Assert.Equal(new DateOnly(2026, 12, 26), designer.SuspendedUntil);

        designer.Apply(RefusalPolicy.Consequences(Settings(suspensionDays: 3), Rules.Today, 1, false), Rules.Today, Rules.Now);
        Assert.Equal(new DateOnly(2026, 12, 26), designer.SuspendedUntil);
    }

    [Fact]
    public void A_designer_removed_while_the_offer_was_out_stays_removed_after_refusing()
    {
        var designer = Rules.Designer("乙");
        Assert.Null(designer.Remove());
        designer.Apply(RefusalPolicy.Consequences(Settings(), Rules.Today, 2, false), Rules.Today, Rules.Now);

        Assert.Equal(DesignerStatus.Removed, designer.StatusOn(Rules.Today));
        Assert.Equal(Rules.Now, designer.RemovalFlaggedAt);
    }
}
