namespace Crm.Followups.Tests;

public sealed class FirstFollowUpTests
{
    private static FollowupStore Store(string timeZone) => StoreCopy.From<FollowupStore>(new StoreOpened
    {
        StoreId = Guid.NewGuid(),
        Code = "SH01",
        Name = "徐汇店",
        City = "上海",
        TimeZone = timeZone,
        OpenedAt = DateTimeOffset.UtcNow,
    });

    private static CustomerRegistered RegisteredAt(DateTimeOffset at) => new()
    {
        StoreId = Guid.NewGuid(),
        CustomerId = Guid.NewGuid(),
        CustomerNo = "SH01-2026-000001",
        Source = CustomerSource.WalkIn,
        RegisteredAt = at,
    };

    /// <summary>The customer as the registration consumer copies them: registered on the store's local day.</summary>
    private static FollowUpTask First(FollowupStore store, CustomerRegistered registered) =>
        FollowUpTask.FirstFollowUp(store, FollowedCustomer.From(registered, store.LocalDate(registered.RegisteredAt)), DateTimeOffset.UtcNow);

    [Fact]
    public void Is_due_two_store_days_after_registration()
    {
        var task = First(Store("Asia/Shanghai"), RegisteredAt(new(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(8))));

        Assert.Equal(new DateOnly(2026, 11, 29), task.DueOn);
        Assert.Equal(FollowUpTaskKind.FirstFollowUp, task.Kind);
    }

    [Fact]
    public void Counts_days_in_the_stores_time_zone()
    {
        // 17:00 UTC on 27 November is already 28 November in Shanghai.
        var lateEveningUtc = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 11, 30), First(Store("Asia/Shanghai"), RegisteredAt(lateEveningUtc)).DueOn);
        Assert.Equal(new DateOnly(2026, 11, 29), First(Store("Europe/London"), RegisteredAt(lateEveningUtc)).DueOn);
    }

    [Fact]
    public void A_refusal_makes_a_call_due_the_same_store_day()
    {
        // 17:00 UTC on 27 November is 01:00 on 28 November in Shanghai.
        var refused = new AssignmentRefused
        {
            StoreId = Guid.NewGuid(), CustomerId = Guid.NewGuid(), AssignmentId = Guid.NewGuid(), DesignerId = Guid.NewGuid(),
            DesignerName = "王磊", Reason = "档期已满", RefusedAt = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero),
        };

        var task = FollowUpTask.AfterRefusal(Store("Asia/Shanghai"), refused, "SH01-2026-000001", DateTimeOffset.UtcNow);

        Assert.Equal((FollowUpTaskKind.AfterRefusal, new DateOnly(2026, 11, 28)), (task.Kind, task.DueOn));
        Assert.Equal("Designer 王磊 refused the customer (档期已满): call the customer and introduce the new designer", task.Reason);
    }

    [Fact]
    public void A_second_refusal_replaces_the_open_call_so_that_one_call_is_due()
    {
        var store = Store("Asia/Shanghai");
        AssignmentRefused Refused(string designer, int hour) => new()
        {
            StoreId = store.Id, CustomerId = Customer, AssignmentId = Guid.NewGuid(), DesignerId = Guid.NewGuid(),
            DesignerName = designer, Reason = "档期已满", RefusedAt = new DateTimeOffset(2026, 11, 27, hour, 0, 0, TimeSpan.Zero),
        };
        var now = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var first = FollowUpTask.AfterRefusal(store, Refused("王磊", 3), "SH01-2026-000001", now);

        var second = FollowUpTask.AfterRefusal(store, Refused("李静", 8), "SH01-2026-000001", now).Replacing([first], now);

        Assert.False(first.IsOpen);
        Assert.StartsWith("Replaced by a later task of the same kind: Designer 李静 refused", first.ClosedReason);
        Assert.True(second.IsOpen);
    }

    private static readonly Guid Customer = Guid.NewGuid();
}
