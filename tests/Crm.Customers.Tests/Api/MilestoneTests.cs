using Crm.Messages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests.Api;

/// <summary>Recording milestones through the API: figures, order rules, stage, events and who may record what.</summary>
public sealed class MilestoneTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    [Fact]
    public async Task Milestones_move_the_stage_and_are_announced_with_their_figures()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);

        var deposit = await fixture.MilestoneAsync(id, new { type = "DepositPaid", amount = 5000m, depositKind = "Measurement" });
        var measured = await fixture.MilestoneAsync(id, new { type = "Measured" });

        Assert.Equal(HttpStatusCode.Created, deposit.StatusCode);
        Assert.Equal("DepositPaid", (await deposit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        Assert.Equal("Measured", (await measured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
        var customer = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("Measured", customer.GetProperty("stage").GetString());
        var milestones = customer.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(["DepositPaid", "Measured"], milestones.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(5000m, milestones[0].GetProperty("amount").GetDecimal());
        Assert.Equal("Measurement", milestones[0].GetProperty("depositKind").GetString());

        var events = (await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(MilestoneRecorded).FullName)
            .OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync())).Where(b => b.Contains(id.ToString())).ToList();
        Assert.Equal(2, events.Count);
        var first = JsonDocument.Parse(events[0]).RootElement;
        Assert.Equal(("DepositPaid", 5000m, "Measurement", "DepositPaid"),
            (first.GetProperty("type").GetString(), first.GetProperty("amount").GetDecimal(), first.GetProperty("depositKind").GetString(), first.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task A_time_sent_in_the_stores_offset_is_the_same_instant()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        var instant = DateTimeOffset.UtcNow.AddMinutes(1);
        var local = instant.ToOffset(TimeSpan.FromHours(8));

        var measured = await fixture.MilestoneAsync(id, new { type = "Measured", at = local.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Created, measured.StatusCode);
        var at = (await measured.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("milestone").GetProperty("at").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(instant.Ticks - instant.Ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero), at);
        Assert.Equal(TimeSpan.Zero, at.Offset);
    }

    [Fact]
    public async Task A_milestone_out_of_order_is_an_invalid_transition_and_changes_nothing()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);

        var review = await fixture.MilestoneAsync(id, new { type = "Reviewed" });

        var problem = await ProblemAssert.ConflictAsync(review, "invalid-transition");
        Assert.Equal("Reviewed needs ContractSigned first.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await fixture.InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == id)));
        var events = await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(MilestoneRecorded).FullName).Select(m => m.Body).ToListAsync());
        Assert.DoesNotContain(events, b => b.Contains(id.ToString()));
    }

    [Fact]
    public async Task A_lost_customer_takes_nothing_but_a_reopen()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        Assert.Equal(HttpStatusCode.Created, (await fixture.MilestoneAsync(id, new { type = "Quoted", amount = 200000m })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await fixture.MilestoneAsync(id, new { type = "Lost", reason = "选择了别家", competitor = "某某装饰" })).StatusCode);

        await ProblemAssert.ConflictAsync(await fixture.MilestoneAsync(id, new { type = "DepositPaid", amount = 1000m, depositKind = "Promotion" }), "invalid-transition");
        var reopened = await fixture.MilestoneAsync(id, new { type = "Reopened", reason = "客户回来了" });

        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);
        Assert.Equal("Quoted", (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString());
    }

    public static TheoryData<string, string> BadMilestones => new()
    {
        { """{ }""", "type" },
        { """{ "type": "Dreamed" }""", "type" },
        { """{ "type": "DepositPaid", "depositKind": "Measurement" }""", "amount" },
        { """{ "type": "DepositPaid", "amount": 100 }""", "depositKind" },
        { """{ "type": "DepositPaid", "amount": 100, "depositKind": "Bribe" }""", "depositKind" },
        { """{ "type": "DepositPaid", "amount": "100", "depositKind": "Promotion" }""", "amount" },
        { """{ "type": "ContractSigned", "amount": 100000 }""", "areaM2" },
        { """{ "type": "Measured", "amount": 100 }""", "amount" },
        { """{ "type": "Lost" }""", "reason" },
        { """{ "type": "Invalidated", "reason": "" }""", "reason" },
        { """{ "type": "Measured", "competitor": "某装饰" }""", "competitor" },
        { """{ "type": "Measured", "at": "2999-01-01T00:00:00+08:00" }""", "at" },
        { """{ "type": "Measured", "at": "2000-01-01T00:00:00+08:00" }""", "at" },
        { """{ "type": "Measured", "at": "yesterday" }""", "at" },
        { """{ "type": "Measured", "note": "x" }""", "note" },
    };

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public async Task A_bad_milestone_names_the_field_and_records_nothing(string json, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);

        var response = await fixture.Admin.PostAsync($"/api/customers/{id}/milestones", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(0, await fixture.InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == id)));
    }

    [Fact]
    public async Task A_designer_records_the_work_on_their_own_customers_but_not_the_money()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = Guid.NewGuid();
        var id = await fixture.RegisterIdAsync(store);
        await fixture.InDatabase(async db =>
        {
            (await db.Customers.SingleAsync(c => c.Id == id)).RecordDispatch(Guid.NewGuid(), designer, "陈设计", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var client = fixture.Service.ClientAs("Designer", store, designer);
        var stranger = fixture.Service.ClientAs("Designer", store, Guid.NewGuid());

        Assert.Equal(HttpStatusCode.Created, (await fixture.MilestoneAsync(id, new { type = "Measured" }, client)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.MilestoneAsync(id, new { type = "DepositPaid", amount = 100m, depositKind = "Promotion" }, client)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.MilestoneAsync(id, new { type = "Measured" }, stranger)).StatusCode);
        Assert.Equal(1, await fixture.InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == id)));
    }

    [Fact]
    public async Task Only_the_store_manager_approves_a_contract()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        Assert.Equal(HttpStatusCode.Created, (await fixture.MilestoneAsync(id, new { type = "ContractSigned", amount = 150000m, areaM2 = 90m })).StatusCode);

        var byCustomerManager = await fixture.MilestoneAsync(id, new { type = "Reviewed" }, fixture.Service.ClientAs("CustomerManager", store));
        var byStoreManager = await fixture.MilestoneAsync(id, new { type = "Reviewed" }, fixture.Service.ClientAs("StoreManager", store));

        Assert.Equal(HttpStatusCode.Forbidden, byCustomerManager.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byStoreManager.StatusCode);
        Assert.Equal(1, await fixture.InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == id && m.Type == MilestoneType.Reviewed)));
    }

    [Fact]
    public async Task Simultaneous_signings_of_one_customer_record_exactly_one()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            fixture.MilestoneAsync(id, new { type = "ContractSigned", amount = 250000m, areaM2 = 110m })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await fixture.InDatabase(db => db.Milestones.CountAsync(m => m.CustomerId == id)));
    }
}
