namespace Crm.Dispatch.Tests.Domain;

/// <summary>The store manager's moves of a designer (domain.md §2): suspend until a day, remove, reinstate; each refused where it makes no sense.</summary>
public sealed class DesignerStatusTests
{
    [Fact]
    public void An_active_designer_is_suspended_through_the_given_day_and_active_again_the_day_after()
    {
        var designer = Rules.Designer("甲");
        Assert.Null(designer.Suspend(Rules.Today.AddDays(6), Rules.Today));

        Assert.Equal(DesignerStatus.Suspended, designer.StatusOn(Rules.Today.AddDays(6)));
        Assert.Equal(DesignerStatus.Active, designer.StatusOn(Rules.Today.AddDays(7)));
    }

    [Fact]
    public void A_suspension_cannot_end_in_the_past()
    {
        var refusal = Rules.Designer("甲").Suspend(Rules.Today.AddDays(-1), Rules.Today);
        Assert.Equal(new Violation(ViolationKind.Invalid, "The last day of a suspension cannot be in the past.", Field: "until"), refusal);
    }

    [Fact]
    public void A_removed_designer_cannot_be_suspended_or_removed_again()
    {
        var designer = Rules.Designer("甲");
        Assert.Null(designer.Remove());

        Assert.Equal(Violation.Transition("A removed designer cannot be suspended; reinstate them first."), designer.Suspend(Rules.Today.AddDays(3), Rules.Today));
        Assert.Equal(Violation.Transition("The designer is already removed."), designer.Remove());
        Assert.Equal(DesignerStatus.Removed, designer.StatusOn(Rules.Today));
    }

    [Fact]
    public void An_active_unflagged_designer_has_nothing_to_reinstate()
    {
        Assert.Equal(Violation.Transition("The designer is active."), Rules.Designer("甲").Reinstate(Rules.Today));
    }

    [Fact]
    public void A_suspended_removed_or_flagged_designer_is_reinstated_to_active_and_unflagged()
    {
        var suspended = Rules.Designer("甲");
        suspended.Suspend(Rules.Today.AddDays(10), Rules.Today);
        var removed = Rules.Designer("乙");
        removed.Remove();
        var flagged = Rules.Designer("丙");
        flagged.Apply(new RefusalConsequences(null, 3, FlagForRemoval: true), Rules.Today, Rules.Now);

        foreach (var designer in new[] { suspended, removed, flagged })
        {
            Assert.Null(designer.Reinstate(Rules.Today));
            Assert.Equal(DesignerStatus.Active, designer.StatusOn(Rules.Today));
            Assert.Null(designer.RemovalFlaggedAt);
            Assert.Null(designer.SuspendedUntil);
        }
    }

    [Fact]
    public void An_offer_is_accepted_or_refused_once_and_an_ended_assignment_does_not_move()
    {
        var designer = Rules.Designer("甲");
        var offer = Assignment.Offer(Guid.NewGuid(), designer, Rules.ManualTrace(designer), Rules.Today);
        Assert.Null(offer.Move(AssignmentStatus.Accepted, null, "test", Rules.Now));
        Assert.Equal(Violation.Transition("The assignment is Accepted; it cannot be refused."), offer.Move(AssignmentStatus.Refused, "晚了", "test", Rules.Now));
        Assert.Null(offer.Move(AssignmentStatus.Reassigned, "客户要求", "test", Rules.Now));
        Assert.Equal(Violation.Transition("The assignment is Reassigned; it cannot be accepted."), offer.Move(AssignmentStatus.Accepted, null, "test", Rules.Now));
        Assert.Equal(AssignmentStatus.Reassigned, offer.Status);
    }
}
