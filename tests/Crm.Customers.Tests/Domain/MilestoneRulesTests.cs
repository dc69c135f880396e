using static Crm.Messages.MilestoneType;

namespace Crm.Customers.Tests.Domain;

/// <summary>The order rules and the stage of domain.md §1.</summary>
public sealed class MilestoneRulesTests
{
    public static TheoryData<MilestoneType[], MilestoneType, bool> Transitions => new()
    {
        // Milestones need not come in the list's order.
        { [], DepositPaid, true },
        { [], Measured, true },
        { [Measured], DepositPaid, true },
        { [DepositPaid], Measured, true },
        { [], Quoted, true },
        { [], MilestoneType.ContractSigned, true },
        { [DepositPaid, DepositPaid], DepositPaid, true },
        { [Quoted], Quoted, true },
        // Reviewed needs MilestoneType.ContractSigned; construction needs Reviewed; completion needs construction.
        { [], Reviewed, false },
        { [Quoted], Reviewed, false },
        { [MilestoneType.ContractSigned], Reviewed, true },
        { [MilestoneType.ContractSigned], ConstructionStarted, false },
        { [MilestoneType.ContractSigned, Reviewed], ConstructionStarted, true },
        { [MilestoneType.ContractSigned, Reviewed], Completed, false },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted], Completed, true },
        // Once-only milestones.
        { [MilestoneType.ContractSigned], MilestoneType.ContractSigned, false },
        { [MilestoneType.ContractSigned, Reviewed], Reviewed, false },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted], ConstructionStarted, false },
        // Nothing follows Lost, Invalidated or Completed except a reopen.
        { [Lost], DepositPaid, false },
        { [Lost], Measured, false },
        { [Lost], Lost, false },
        { [Lost], Invalidated, false },
        { [Invalidated], Quoted, false },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted, Completed], Lost, false },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted, Completed], Measured, false },
        { [Lost], Reopened, true },
        { [Invalidated], Reopened, true },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted, Completed], Reopened, true },
        { [Lost, Reopened], DepositPaid, true },
        { [Lost, Reopened], Lost, true },
        // A reopen needs a close; a signed customer is lost, not invalid.
        { [], Reopened, false },
        { [Lost, Reopened], Reopened, false },
        { [MilestoneType.ContractSigned], Invalidated, false },
        { [MilestoneType.ContractSigned], Lost, true },
        { [DepositPaid], Invalidated, true },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void A_milestone_is_allowed_only_where_the_rules_allow_it(MilestoneType[] history, MilestoneType next, bool allowed)
    {
        var customer = Customers.Registered().With(history);
        var milestones = customer.Milestones.Count;

        var (recorded, refusal) = customer.Record(next, 100);

        Assert.Equal(allowed, recorded is not null);
        Assert.Equal(allowed, refusal is null);
        Assert.Equal(allowed ? milestones + 1 : milestones, customer.Milestones.Count);
    }

    public static TheoryData<MilestoneType[], CustomerStage> Stages => new()
    {
        { [], CustomerStage.Registered },
        { [DepositPaid], CustomerStage.DepositPaid },
        // The furthest milestone reached, whatever order they came in.
        { [Measured, DepositPaid], CustomerStage.Measured },
        { [Quoted, Measured], CustomerStage.Quoted },
        { [DepositPaid, Measured, DesignFeePaid, DrawingsIssued], CustomerStage.DrawingsIssued },
        { [MilestoneType.ContractSigned, Reviewed], CustomerStage.Reviewed },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted, Completed], CustomerStage.Completed },
        { [DepositPaid, Lost], CustomerStage.Lost },
        { [Invalidated], CustomerStage.Invalidated },
        // A reopen goes back to the furthest progress made before the close.
        { [DepositPaid, Quoted, Lost, Reopened], CustomerStage.Quoted },
        { [Invalidated, Reopened], CustomerStage.Registered },
        { [MilestoneType.ContractSigned, Reviewed, ConstructionStarted, Completed, Reopened], CustomerStage.Completed },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_stage_is_the_furthest_milestone_reached(MilestoneType[] history, CustomerStage stage) =>
        Assert.Equal(stage, Customers.Registered().With(history).Stage);

    [Fact]
    public void A_lead_is_assigned_to_the_store_until_the_store_meets_the_customer()
    {
        var lead = Customers.Registered(CustomerSource.Marketing);
        Assert.Equal(CustomerStage.AssignedToStore, lead.Stage);
        Assert.Null(lead.MetAt);

        lead.Meet(Customers.RegisteredAt.AddDays(3));

        Assert.Equal(CustomerStage.Registered, lead.Stage);
        Assert.Equal(Customers.RegisteredAt.AddDays(3), lead.MetAt);
    }

    [Theory]
    [InlineData(CustomerSource.Partner)]
    [InlineData(CustomerSource.Marketing)]
    public void A_leads_first_measurement_means_the_store_met_the_customer(CustomerSource source)
    {
        var lead = Customers.Registered(source).With(Measured);

        Assert.Equal(CustomerStage.Measured, lead.Stage);
        Assert.NotNull(lead.MetAt);
    }

    [Fact]
    public void A_lead_lost_before_anyone_met_it_stays_unmet()
    {
        var lead = Customers.Registered(CustomerSource.Partner).With(Lost);

        Assert.Equal(CustomerStage.Lost, lead.Stage);
        Assert.Null(lead.MetAt);
    }

    [Fact]
    public void A_review_cannot_be_dated_before_the_signing()
    {
        var customer = Customers.Registered().With(MilestoneType.ContractSigned);
        var signedAt = customer.Milestones.Single().At;

        var outcome = customer.RecordMilestone(Customers.Draft(Reviewed, signedAt.AddHours(-1)), "u1", "王芳", signedAt.AddDays(1));

        Assert.False(outcome.Succeeded);
        Assert.Equal(ViolationKind.Conflict, outcome.Violation.Kind);
        Assert.Equal(Violation.InvalidTransition, outcome.Violation.Code);
        Assert.Contains("cannot be earlier than ContractSigned", outcome.Violation.Detail);
    }

    [Fact]
    public void A_refusal_says_what_closed_the_customer()
    {
        var customer = Customers.Registered().With(Lost);

        var (_, refusal) = customer.Record(DepositPaid, 10);

        Assert.Equal("The customer is Lost since 2026-03-03; only a reopen with a reason may follow.", refusal);
    }
}
