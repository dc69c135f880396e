namespace Crm.Followups.Tests.Domain;

/// <summary>Key attention and key follow-up (domain.md §4) on exact store-local days.</summary>
public sealed class TaskRulesTests
{
    private static readonly DateOnly RegisteredOn = new(2026, 8, 28);
    private static readonly DateOnly ThreeMonthsLater = new(2026, 11, 28);

    private static FollowedCustomer Customer(CustomerSource source, params MilestoneType[] reached)
    {
        var customer = FollowedCustomer.From(new CustomerRegistered
        {
            StoreId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), CustomerNo = "SH01-2026-000001", Source = source,
            RegisteredAt = new DateTimeOffset(2026, 8, 28, 2, 0, 0, TimeSpan.Zero),
            Stage = source is CustomerSource.Marketing or CustomerSource.Partner ? CustomerStage.AssignedToStore : CustomerStage.Registered,
        }, RegisteredOn);
        var day = 1;
        foreach (var type in reached)
            customer.Record(new MilestoneRecorded
            {
                StoreId = customer.StoreId, CustomerId = customer.Id, MilestoneId = Guid.NewGuid(), Type = type,
                At = customer.RegisteredAt.AddDays(day++), Stage = type switch
                {
                    MilestoneType.Lost => CustomerStage.Lost,
                    MilestoneType.Invalidated => CustomerStage.Invalidated,
                    MilestoneType.Reopened => CustomerStage.Measured,
                    _ => Enum.Parse<CustomerStage>(type.ToString()),
                },
                RecordedBy = "王芳",
            });
        return customer;
    }

    [Fact]
    public void Three_months_after_registration_to_the_day_is_not_yet_stale_and_the_next_day_is()
    {
        var customer = Customer(CustomerSource.WalkIn, MilestoneType.DepositPaid);

        Assert.False(TaskRules.IsStale(customer, ThreeMonthsLater));
        Assert.False(TaskRules.NeedsKeyAttention(customer, ThreeMonthsLater));
        Assert.True(TaskRules.IsStale(customer, ThreeMonthsLater.AddDays(1)));
        Assert.True(TaskRules.NeedsKeyAttention(customer, ThreeMonthsLater.AddDays(1)));
    }

    [Theory]
    [InlineData(MilestoneType.DepositPaid, true)]
    [InlineData(MilestoneType.DesignFeePaid, true)]
    [InlineData(MilestoneType.Quoted, true)]
    [InlineData(MilestoneType.Measured, false)]
    [InlineData(MilestoneType.DrawingsIssued, false)]
    public void Key_attention_is_for_stale_customers_who_paid_a_deposit_or_design_fee_or_got_a_quote(MilestoneType reached, bool flagged)
    {
        Assert.Equal(flagged, TaskRules.NeedsKeyAttention(Customer(CustomerSource.Phone, reached), ThreeMonthsLater.AddDays(1)));
    }

    [Theory]
    [InlineData(MilestoneType.ContractSigned)]
    [InlineData(MilestoneType.Lost)]
    [InlineData(MilestoneType.Invalidated)]
    public void Signed_lost_or_invalidated_customers_are_not_stale(MilestoneType end)
    {
        var customer = Customer(CustomerSource.Marketing, MilestoneType.Measured, MilestoneType.DepositPaid, end);

        Assert.False(TaskRules.IsStale(customer, ThreeMonthsLater.AddDays(1)));
        Assert.False(TaskRules.NeedsKeyAttention(customer, ThreeMonthsLater.AddDays(1)));
        Assert.False(TaskRules.NeedsKeyFollowUp(customer, ThreeMonthsLater.AddDays(1)));
    }

    [Fact]
    public void A_reopened_customer_is_valid_again()
    {
        var customer = Customer(CustomerSource.WalkIn, MilestoneType.Quoted, MilestoneType.Lost, MilestoneType.Reopened);

        Assert.True(TaskRules.NeedsKeyAttention(customer, ThreeMonthsLater.AddDays(1)));
    }

    [Theory]
    [InlineData(CustomerSource.Marketing, true)]
    [InlineData(CustomerSource.Partner, true)]
    [InlineData(CustomerSource.WalkIn, false)]
    [InlineData(CustomerSource.Phone, false)]
    [InlineData(CustomerSource.Referral, false)]
    public void Key_follow_up_is_for_measured_leads_allocated_more_than_three_months_ago_whatever_their_stage_now(CustomerSource source, bool flagged)
    {
        // Measured: the stage is no longer AssignedToStore, and the lead still qualifies.
        var customer = Customer(source, MilestoneType.Measured);

        Assert.Equal(CustomerStage.Measured, customer.Stage);
        Assert.False(TaskRules.NeedsKeyFollowUp(customer, ThreeMonthsLater));
        Assert.Equal(flagged, TaskRules.NeedsKeyFollowUp(customer, ThreeMonthsLater.AddDays(1)));
    }

    [Fact]
    public void An_unmeasured_lead_is_not_for_key_follow_up()
    {
        Assert.False(TaskRules.NeedsKeyFollowUp(Customer(CustomerSource.Marketing), ThreeMonthsLater.AddDays(30)));
    }

    [Fact]
    public void Month_ends_count_by_the_calendar_a_customer_of_30_november_is_stale_from_1_march()
    {
        var customer = FollowedCustomer.From(new CustomerRegistered
        {
            StoreId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), CustomerNo = "SH01-2026-000002", Source = CustomerSource.WalkIn,
            RegisteredAt = new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero),
        }, new DateOnly(2026, 11, 30));

        Assert.False(TaskRules.IsStale(customer, new DateOnly(2027, 2, 28)));
        Assert.True(TaskRules.IsStale(customer, new DateOnly(2027, 3, 1)));
    }
}
