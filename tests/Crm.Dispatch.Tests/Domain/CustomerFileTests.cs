namespace Crm.Dispatch.Tests.Domain;

/// <summary>Holdings and stalled proposals as the customer's events make them (domain.md §2, rules 2 and 3).</summary>
public sealed class CustomerFileTests
{
    private static CustomerFile File(HouseKind? houseKind = null, bool dispatchAutomatically = false) => CustomerFile.From(new CustomerRegistered
    {
        StoreId = Rules.Store, CustomerId = Guid.NewGuid(), CustomerNo = "SH01-2026-000001", Source = CustomerSource.WalkIn, RegisteredAt = Rules.Now.AddDays(-90), HouseKind = houseKind,
    }, dispatchAutomatically);

    [Fact]
    public void A_customer_waits_for_automatic_dispatch_from_registration_until_it_decided_or_someone_else_did()
    {
        var waiting = File(dispatchAutomatically: true);
        Assert.Equal(Rules.Now.AddDays(-90), waiting.AwaitingDispatchSince);
        Assert.True(waiting.NeedsAutomaticDispatch);
        Assert.False(File().NeedsAutomaticDispatch);

        var dispatchedByHand = File(dispatchAutomatically: true);
        dispatchedByHand.AssignTo(Guid.NewGuid());
        Assert.False(dispatchedByHand.NeedsAutomaticDispatch);
        Assert.False(With(File(dispatchAutomatically: true), MilestoneType.Lost, 1).NeedsAutomaticDispatch);
        Assert.False(With(File(dispatchAutomatically: true), MilestoneType.ContractSigned, 1).NeedsAutomaticDispatch);

        waiting.AutomaticDispatchDone();
        Assert.Null(waiting.AwaitingDispatchSince);
        Assert.False(waiting.NeedsAutomaticDispatch);
    }

    private static CustomerFile With(CustomerFile file, MilestoneType type, int daysAgo)
    {
        file.Apply(new MilestoneRecorded
        {
            StoreId = file.StoreId, CustomerId = file.CustomerId, MilestoneId = Guid.NewGuid(), Type = type, At = Rules.Now.AddDays(-daysAgo), Stage = Enum.TryParse<CustomerStage>(type.ToString(), out var stage) ? stage : CustomerStage.Registered, RecordedBy = "test",
        });
        return file;
    }

    [Fact]
    public void A_deposit_paid_customer_is_held_until_signed_or_lost()
    {
        Assert.False(File().IsHolding);
        Assert.True(With(File(), MilestoneType.DepositPaid, 5).IsHolding);
        Assert.False(With(With(File(), MilestoneType.DepositPaid, 5), MilestoneType.ContractSigned, 1).IsHolding);
        Assert.False(With(With(File(), MilestoneType.DepositPaid, 5), MilestoneType.Lost, 1).IsHolding);
        Assert.False(With(With(File(), MilestoneType.DepositPaid, 5), MilestoneType.Invalidated, 1).IsHolding);
        Assert.True(With(With(With(File(), MilestoneType.DepositPaid, 5), MilestoneType.Lost, 2), MilestoneType.Reopened, 1).IsHolding);
    }

    [Theory]
    [InlineData(MilestoneType.DrawingsIssued, 31, true)]
    [InlineData(MilestoneType.Quoted, 31, true)]
    [InlineData(MilestoneType.Quoted, 29, false)]
    public void Drawings_or_a_quote_more_than_30_days_old_make_a_stalled_proposal(MilestoneType type, int daysAgo, bool stalled) =>
        Assert.Equal(stalled, With(File(), type, daysAgo).IsStalledProposal(Rules.Now, 30));

    [Fact]
    public void A_signed_or_lost_proposal_is_not_stalled()
    {
        Assert.False(With(With(File(), MilestoneType.Quoted, 40), MilestoneType.ContractSigned, 1).IsStalledProposal(Rules.Now, 30));
        Assert.False(With(With(File(), MilestoneType.Quoted, 40), MilestoneType.Lost, 1).IsStalledProposal(Rules.Now, 30));
    }

    [Fact]
    public void An_off_plan_customer_never_counts_as_stalled()
    {
        var offPlan = With(File(HouseKind.OffPlan), MilestoneType.Quoted, 90);
        Assert.False(offPlan.IsStalledProposal(Rules.Now, 30));
        offPlan.Apply(new CustomerDetailsChanged { StoreId = offPlan.StoreId, CustomerId = offPlan.CustomerId, Fields = ["house.kind"], ChangedAt = Rules.Now, HouseKind = HouseKind.New });
        Assert.True(offPlan.IsStalledProposal(Rules.Now, 30));
    }

    [Fact]
    public void A_proposal_counts_from_its_first_drawings_or_quote() =>
        Assert.True(With(With(File(), MilestoneType.DrawingsIssued, 40), MilestoneType.Quoted, 5).IsStalledProposal(Rules.Now, 30));
}
