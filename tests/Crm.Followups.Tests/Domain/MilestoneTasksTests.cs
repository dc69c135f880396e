namespace Crm.Followups.Tests.Domain;

/// <summary>Site and satisfaction follow-ups after construction and completion; tasks that close by themselves (domain.md §4).</summary>
public sealed class MilestoneTasksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);
    private static readonly FollowupStore Store = StoreCopy.From<FollowupStore>(new StoreOpened
    {
        StoreId = Guid.NewGuid(), Code = "SH01", Name = "徐汇店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = Now.AddYears(-1),
    });

    private static readonly FollowedCustomer Customer = FollowedCustomer.From(new CustomerRegistered
    {
        StoreId = Store.Id, CustomerId = Guid.NewGuid(), CustomerNo = "SH01-2026-000001", Source = CustomerSource.WalkIn, RegisteredAt = Now.AddMonths(-4),
    }, DateOnly.FromDateTime(Now.AddMonths(-4).UtcDateTime));

    private static MilestoneRecorded Milestone(MilestoneType type, DateTimeOffset at) => new()
    {
        StoreId = Store.Id, CustomerId = Customer.Id, MilestoneId = Guid.NewGuid(), Type = type, At = at, Stage = CustomerStage.Measured, RecordedBy = "王芳",
    };

    private static FollowUpTask Open(FollowUpTaskKind kind) => FollowUpTask.For(Customer, kind, new DateOnly(2026, 11, 30), "test", Now.AddDays(-1));

    [Fact]
    public void Construction_started_late_in_the_evening_brings_a_site_follow_up_seven_store_days_later()
    {
        // 2026-11-28 23:30 in Shanghai is 15:30 UTC: the store's day is the 28th.
        var tasks = MilestoneTasks.Apply(Store, Customer, Milestone(MilestoneType.ConstructionStarted, new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero)), [], Now);

        var task = Assert.Single(tasks);
        Assert.Equal((FollowUpTaskKind.SiteFollowUp, new DateOnly(2026, 12, 5)), (task.Kind, task.DueOn));
    }

    [Fact]
    public void Completion_brings_a_satisfaction_follow_up_and_never_a_second_one_while_one_is_open()
    {
        var first = MilestoneTasks.Apply(Store, Customer, Milestone(MilestoneType.Completed, Now), [], Now);
        var again = MilestoneTasks.Apply(Store, Customer, Milestone(MilestoneType.Completed, Now), first, Now);

        Assert.Equal((FollowUpTaskKind.SatisfactionFollowUp, new DateOnly(2026, 12, 5)), (Assert.Single(first).Kind, first[0].DueOn));
        Assert.Empty(again);
    }

    [Fact]
    public void A_signing_closes_the_tasks_about_winning_the_customer_with_its_reason()
    {
        var open = new[] { Open(FollowUpTaskKind.FirstFollowUp), Open(FollowUpTaskKind.KeyAttention), Open(FollowUpTaskKind.SiteFollowUp) };

        Assert.Empty(MilestoneTasks.Apply(Store, Customer, Milestone(MilestoneType.ContractSigned, Now), open, Now));

        Assert.Equal([false, false, true], open.Select(t => t.IsOpen));
        Assert.Equal("The customer signed a contract on 2026-11-28.", open[1].ClosedReason);
        Assert.Equal(Now, open[1].ClosedAt);
    }

    [Theory]
    [InlineData(MilestoneType.Lost, "The customer was lost on 2026-11-28.")]
    [InlineData(MilestoneType.Invalidated, "The customer was invalidated on 2026-11-28.")]
    public void A_loss_or_an_invalidation_closes_every_open_task(MilestoneType end, string reason)
    {
        var open = new[] { Open(FollowUpTaskKind.KeyFollowUp), Open(FollowUpTaskKind.SatisfactionFollowUp) };

        MilestoneTasks.Apply(Store, Customer, Milestone(end, Now), open, Now);

        Assert.All(open, t => Assert.Equal(reason, t.ClosedReason));
    }

    [Fact]
    public void Other_milestones_change_no_task()
    {
        var open = new[] { Open(FollowUpTaskKind.FirstFollowUp) };

        Assert.Empty(MilestoneTasks.Apply(Store, Customer, Milestone(MilestoneType.Measured, Now), open, Now));
        Assert.True(open[0].IsOpen);
    }
}
