using Crm.Reports.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Reports.Tests;

/// <summary>
/// The two 3-month lists (domain.md §4) as of 1 March 2027 on a fixed data set, each customer's place worked out by hand:
/// three months after 30 November is 28 February (stale from 1 March); after 1 December it is 1 March (not yet).
/// </summary>
public sealed class StaleCustomersTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private readonly Guid _store = Guid.CreateVersion7();
    private readonly string _prefix = "S" + Random.Shared.Next(1000, 9999) + "-";

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("reportdb");
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportDbContext>();
        db.Stores.Add(StoreCopy.From<StoreCopy>(new StoreOpened { StoreId = _store, Code = "ST" + Random.Shared.Next(10, 99), Name = "旧客店", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow.AddYears(-2) }));
        var s1 = Customer(db, 1, CustomerSource.WalkIn, "2026-11-30");
        Milestone(db, s1, MilestoneType.DepositPaid, "2026-12-05", 2000m);
        Customer(db, 2, CustomerSource.WalkIn, "2026-12-01");                                   // three months ago today: not yet
        var s3 = Customer(db, 3, CustomerSource.Marketing, "2026-11-01");
        Milestone(db, s3, MilestoneType.Measured, "2026-11-10");
        var s4 = Customer(db, 4, CustomerSource.WalkIn, "2026-10-01");
        Milestone(db, s4, MilestoneType.Measured, "2026-10-10");
        var s5 = Customer(db, 5, CustomerSource.WalkIn, "2026-10-01");
        Milestone(db, s5, MilestoneType.ContractSigned, "2027-02-01", 100000m);              // signed before the day
        var s6 = Customer(db, 6, CustomerSource.WalkIn, "2026-10-01");
        Milestone(db, s6, MilestoneType.ContractSigned, "2027-03-05", 100000m);              // signed only after it
        var s7 = Customer(db, 7, CustomerSource.WalkIn, "2026-10-01");
        Milestone(db, s7, MilestoneType.Lost, "2026-12-01");
        var s8 = Customer(db, 8, CustomerSource.Partner, "2026-10-01");
        Milestone(db, s8, MilestoneType.Measured, "2026-11-01");
        Milestone(db, s8, MilestoneType.Lost, "2026-12-01");
        Milestone(db, s8, MilestoneType.Reopened, "2027-01-10");
        var s9 = Customer(db, 9, CustomerSource.WalkIn, "2026-10-01");
        Milestone(db, s9, MilestoneType.DesignFeePaid, "2027-03-02", 6000m);                 // paid only after the day
        ReadModel.Dispatch(db, s1, Guid.NewGuid(), "陈设计", new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)), new DateOnly(2026, 11, 30));
        s1.Consultant("周顾问", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        FollowUp(db, s1, new DateTimeOffset(2027, 2, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        FollowUp(db, s1, new DateTimeOffset(2027, 3, 1, 23, 30, 0, TimeSpan.FromHours(8)));
        FollowUp(db, s1, new DateTimeOffset(2027, 3, 2, 0, 10, 0, TimeSpan.FromHours(8)));   // the next day in Shanghai
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task The_lists_as_of_a_day_count_what_had_happened_by_its_end()
    {
        var lists = await _service.ClientAs("StoreManager", _store).GetFromJsonAsync<JsonElement>("/api/reports/stale-customers?asOf=2027-03-01");

        // Key attention lists every stale customer, the ones with money first: s1 (deposit; stale 1 day), then the
        // ones registered on 1 October (stale 59 days) — s4, s6 (signed only later), s8 (reopened), s9 (fee only later) —
        // then s3 (28 days). Out: s2 (not yet), s5 (signed), s7 (lost).
        var keyAttention = lists.GetProperty("keyAttention").EnumerateArray().ToList();
        Assert.Equal([(1, true, 1), (4, false, 59), (6, false, 59), (8, false, 59), (9, false, 59), (3, false, 28)],
            keyAttention.Select(c => (Number(c), c.GetProperty("keyAttention").GetBoolean(), c.GetProperty("daysStale").GetInt32())));
        var s1 = keyAttention[0];
        Assert.Equal(("陈设计", "周顾问", new DateTimeOffset(2027, 3, 1, 15, 30, 0, TimeSpan.Zero)),
            (s1.GetProperty("designerName").GetString(), s1.GetProperty("consultantName").GetString(), s1.GetProperty("lastFollowUpAt").GetDateTimeOffset()));
        // Key follow-up: the measured leads — s8 (a partner's, reopened) and s3 (marketing's); s4 walked in.
        Assert.Equal([8, 3], lists.GetProperty("keyFollowUp").EnumerateArray().Select(Number));
    }

    [Fact]
    public async Task A_day_earlier_the_boundary_customer_is_not_yet_stale_and_another_store_sees_nothing()
    {
        var before = await _service.ClientAs("StoreManager", _store).GetFromJsonAsync<JsonElement>("/api/reports/stale-customers?asOf=2027-02-28");
        var other = await _service.ClientAs("StoreManager", Guid.NewGuid()).GetAsync($"/api/reports/stale-customers?storeId={_store}&asOf=2027-03-01");

        Assert.DoesNotContain(1, before.GetProperty("keyAttention").EnumerateArray().Select(Number));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task An_as_of_day_out_of_any_store_calendar_is_a_400_naming_it()
    {
        var response = await _service.ClientAs("StoreManager", _store).GetAsync("/api/reports/stale-customers?asOf=9999-12-31");

        await ProblemAssert.NamesFieldAsync(response, "asOf");
    }

    private int Number(JsonElement c) => int.Parse(c.GetProperty("customerNo").GetString()![_prefix.Length..]);

    private static DateTimeOffset Noon(string day) => new(DateOnly.Parse(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));

    private CustomerFact Customer(ReportDbContext db, int number, CustomerSource source, string registeredOn)
    {
        var customer = CustomerFact.From(new CustomerRegistered
        {
            StoreId = _store, CustomerId = Guid.CreateVersion7(), CustomerNo = _prefix + number, Source = source, RegisteredAt = Noon(registeredOn),
        }, DateOnly.Parse(registeredOn));
        db.Customers.Add(customer);
        return customer;
    }

    private static void Milestone(ReportDbContext db, CustomerFact customer, MilestoneType type, string day, decimal? amount = null) =>
        db.Milestones.Add(MilestoneFact.From(new MilestoneRecorded
        {
            StoreId = customer.StoreId, CustomerId = customer.Id, MilestoneId = Guid.CreateVersion7(), Type = type, At = Noon(day), Stage = CustomerStage.Registered,
            Amount = amount, RecordedBy = "test",
        }, DateOnly.Parse(day), null));

    private static void FollowUp(ReportDbContext db, CustomerFact customer, DateTimeOffset at) =>
        db.FollowUps.Add(FollowUpFact.From(new FollowUpRecorded
        {
            StoreId = customer.StoreId, CustomerId = customer.Id, FollowUpId = Guid.CreateVersion7(), Form = FollowUpForm.Phone, At = at, Summary = "回访", RecordedBy = "王芳",
        }));
}
