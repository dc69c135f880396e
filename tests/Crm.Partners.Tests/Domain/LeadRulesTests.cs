using Crm.Partners.Apis;

namespace Crm.Partners.Tests.Domain;

public sealed class LeadProgressTests
{
    [Theory]
    [InlineData(CustomerStage.AssignedToStore, false, LeadStatus.AssignedToStore)]
    [InlineData(CustomerStage.AssignedToStore, true, LeadStatus.Met)]
    [InlineData(CustomerStage.Registered, false, LeadStatus.Met)]
    [InlineData(CustomerStage.DepositPaid, true, LeadStatus.Met)]
    [InlineData(CustomerStage.Measured, true, LeadStatus.Measured)]
    [InlineData(CustomerStage.DesignFeePaid, true, LeadStatus.Measured)]
    [InlineData(CustomerStage.DrawingsIssued, true, LeadStatus.Measured)]
    [InlineData(CustomerStage.Quoted, true, LeadStatus.Measured)]
    [InlineData(CustomerStage.ContractSigned, true, LeadStatus.Signed)]
    [InlineData(CustomerStage.Reviewed, true, LeadStatus.Signed)]
    [InlineData(CustomerStage.ConstructionStarted, true, LeadStatus.Signed)]
    [InlineData(CustomerStage.Completed, true, LeadStatus.Signed)]
    [InlineData(CustomerStage.Lost, true, LeadStatus.Lost)]
    [InlineData(CustomerStage.Invalidated, false, LeadStatus.Lost)]
    public void A_stage_gives_the_partner_its_coarse_status(CustomerStage stage, bool met, LeadStatus expected) =>
        Assert.Equal(expected, LeadProgress.StatusOf(stage, met));

    [Fact]
    public void The_latest_milestone_sets_the_stage_whichever_order_the_events_arrive_in()
    {
        var store = Guid.CreateVersion7();
        var customer = Guid.CreateVersion7();
        var (measured, measuredAt) = (Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var (signed, signedAt) = (Guid.CreateVersion7(), measuredAt.AddTicks(1));

        var inOrder = CustomerProgress.Start(store, customer);
        inOrder.Milestone(measured, measuredAt, CustomerStage.Measured);
        inOrder.Milestone(signed, signedAt, CustomerStage.ContractSigned);
        var reversed = CustomerProgress.Start(store, customer);
        reversed.Milestone(signed, signedAt, CustomerStage.ContractSigned);
        reversed.Milestone(measured, measuredAt, CustomerStage.Measured);
        reversed.Registered(new CustomerRegistered
        {
            StoreId = store, CustomerId = customer, CustomerNo = "SH01-2026-000001", Source = CustomerSource.Partner,
            RegisteredAt = DateTimeOffset.UtcNow, Stage = CustomerStage.AssignedToStore, LeadId = Guid.CreateVersion7(),
        });

        Assert.Equal(LeadStatus.Signed, inOrder.Status);
        Assert.Equal(LeadStatus.Signed, reversed.Status);
    }

    [Fact]
    public void A_duplicate_never_moves()
    {
        var lead = Lead.Receive(Supplier.Marketing, new LeadDraft("x-1", "周女士", "+8613900001234", BasicInfo.Empty, null), Guid.CreateVersion7(), duplicate: true, DateTimeOffset.UtcNow);
        Assert.Null(lead.MoveTo(LeadStatus.Met, "customer met", DateTimeOffset.UtcNow));
        Assert.Equal(LeadStatus.Duplicate, lead.Status);
    }

    [Fact]
    public void A_move_is_recorded_from_and_to_and_the_same_status_again_is_no_move()
    {
        var lead = Lead.Receive(Supplier.Marketing, new LeadDraft("x-2", "周女士", "+8613900001235", BasicInfo.Empty, null), Guid.CreateVersion7(), duplicate: false, DateTimeOffset.UtcNow);
        var change = lead.MoveTo(LeadStatus.Met, "customer met", DateTimeOffset.UtcNow);
        Assert.Equal((LeadStatus.AssignedToStore, LeadStatus.Met), (change!.From!.Value, change.To));
        Assert.Null(lead.MoveTo(LeadStatus.Met, "customer met", DateTimeOffset.UtcNow));
    }
}

public sealed class RetryScheduleTests
{
    [Fact]
    public void The_wait_doubles_from_30_seconds_up_to_8_hours_and_the_last_attempt_is_more_than_a_day_after_the_first()
    {
        var schedule = new RetrySchedule();
        var waits = Enumerable.Range(1, 12).Select(n => schedule.WaitAfter(n)!.Value).ToList();

        Assert.Equal([30, 60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 28800, 28800], waits.Select(w => (int)w.TotalSeconds));
        Assert.Null(schedule.WaitAfter(13));
        Assert.Equal(TimeSpan.FromSeconds(30 * 1023 + 2 * 28800), schedule.Span);
        Assert.True(schedule.Span > TimeSpan.FromHours(24));
    }
}

public sealed class LeadRoutingTests
{
    private static PartnerStore Store(string code, string city) => PartnerStore.From(new StoreOpened
    {
        StoreId = Guid.CreateVersion7(), Code = code, Name = code, City = city, TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
    });

    [Fact]
    public void A_named_store_is_used_only_if_the_supplier_may_use_it()
    {
        var mine = Store("SH01", "上海");
        var other = Guid.CreateVersion7();

        Assert.Equal(mine.Id, LeadRouting.Route(mine.Id, null, [mine], new Dictionary<Guid, int>()).Value);
        Assert.Equal("storeId", LeadRouting.Route(other, null, [mine], new Dictionary<Guid, int>()).Violation!.Field);
    }

    [Fact]
    public void By_city_the_store_with_the_fewest_recent_leads_then_the_lowest_code()
    {
        var sh01 = Store("SH01", "上海");
        var sh02 = Store("SH02", "上海");
        var bj01 = Store("BJ01", "北京");
        IReadOnlyList<PartnerStore> stores = [sh02, sh01, bj01];

        Assert.Equal(sh01.Id, LeadRouting.Route(null, "上海", stores, new Dictionary<Guid, int>()).Value);
        Assert.Equal(sh02.Id, LeadRouting.Route(null, "上海", stores, new Dictionary<Guid, int> { [sh01.Id] = 3, [sh02.Id] = 2, [bj01.Id] = 0 }).Value);
        Assert.Equal("city", LeadRouting.Route(null, "广州", stores, new Dictionary<Guid, int>()).Violation!.Field);
    }
}

public sealed class WebhookSignatureTests
{
    /// <summary>The worked example of the partner guide: a partner checks its own code against it.</summary>
    private const string Secret = "whsec_k3Xq9ZpL2mVt7RcYw4NbHs8JdFg6AeUo1iPzQxWy5Tk";
    private const long Timestamp = 1795860005;
    private const string Body = """{"event":"lead.status-changed","deliveryId":"019ac9a1-6b2f-7c3e-9d41-2f8e5a7b1c90","leadId":"019ac99f-0e12-7a4b-8c6d-3b5f7e9a1d22","externalId":"AJK-20261128-0042","storeId":"019ac990-1111-7222-8333-444455556666","status":"Met","previousStatus":"AssignedToStore","customerNo":"SH01-2026-000123","occurredAt":"2026-11-28T10:00:00+00:00"}""";
    private const string Signature = "sha256=35e56ac977e4aac5396ba6ab60f4158fffe5bbfac149ac43046aa086a5c9feb9";

    [Fact]
    public void The_guides_worked_example_is_what_the_chain_signs()
    {
        Assert.Equal(Signature, WebhookSignature.Sign(Secret, Timestamp, Body));
        Assert.Contains(Secret, PartnerGuide.Text);
        Assert.Contains(Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), PartnerGuide.Text);
        Assert.Contains(Body, PartnerGuide.Text);
        Assert.Contains(Signature, PartnerGuide.Text);
    }

    [Fact]
    public void A_receiver_refuses_a_changed_body_another_secret_and_an_old_timestamp()
    {
        var sent = DateTimeOffset.FromUnixTimeSeconds(Timestamp);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify(Secret, "1795860005", Body, Signature, sent.AddSeconds(30), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "1795860005", Body.Replace("Met", "Signed"), Signature, sent, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", "1795860005", Body, Signature, sent, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "1795860005", Body, Signature, sent.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "1795860006", Body, Signature, sent, tolerance));
    }
}
