using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests.Api;

/// <summary>One phone, one customer, chain-wide; a returning customer is a new visit; a lead waits to be met.</summary>
public sealed class DuplicatesAndVisitsTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    [Fact]
    public async Task Simultaneous_registrations_of_one_phone_create_exactly_one_customer()
    {
        var home = await fixture.OpenStoreAsync();
        var other = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            fixture.Admin.PostAsJsonAsync("/api/customers", new { storeId = i % 2 == 0 ? home : other, source = "Phone", name = $"客户{i}", phone })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(29, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            Assert.Equal("duplicate-phone", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(1, await fixture.InDatabase(db => db.Customers.CountAsync(c => c.Phone == "+86" + phone)));
        // The losers took no number: the one customer has sequence 1 in its store.
        Assert.Equal(1, await fixture.InDatabase(db => db.Customers.Where(c => c.Phone == "+86" + phone).Select(c => c.Sequence).SingleAsync()));
    }

    [Fact]
    public async Task Many_simultaneous_registrations_get_every_number_once_without_gaps()
    {
        var store = await fixture.OpenStoreAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
            fixture.Admin.PostAsJsonAsync("/api/customers", new { storeId = store, source = "WalkIn", name = "客户", phone = CustomerServiceFixture.NewPhone() })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var sequences = await fixture.InDatabase(db => db.Customers.Where(c => c.StoreId == store).Select(c => c.Sequence).OrderBy(s => s).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 60), sequences);
        var bags = await fixture.InDatabase(db => db.Customers.Where(c => c.StoreId == store).Select(c => c.ArchiveBag).Distinct().OrderBy(b => b).ToListAsync());
        Assert.Equal([1], bags);
    }

    [Fact]
    public async Task A_returning_customer_is_a_new_visit_of_the_same_customer()
    {
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();
        var first = await fixture.RegisterAsync(store, phone);
        var id = first.GetProperty("id").GetGuid();

        var again = await fixture.Admin.PostAsJsonAsync("/api/customers", new { storeId = store, source = "WalkIn", name = "张三", phone });
        var problem = await ProblemAssert.ConflictAsync(again, "duplicate-phone");
        var visit = await fixture.Admin.PostAsJsonAsync($"/api/customers/{problem.GetProperty("customerId").GetGuid()}/visits", new { channel = "WalkIn", note = "带家人来看样板间" });

        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        Assert.True((await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("returning").GetBoolean());
        Assert.Equal(1, await fixture.InDatabase(db => db.Customers.CountAsync(c => c.StoreId == store)));
        var register = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/walk-in?storeId={store}&date={CustomerServiceFixture.StoreToday:yyyy-MM-dd}");
        Assert.Equal([false, true], register.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("returning").GetBoolean()));
        Assert.All(register.GetProperty("rows").EnumerateArray(), r => Assert.Equal(id, r.GetProperty("customerId").GetGuid()));
    }

    [Theory]
    [InlineData("WalkIn", "Registered", "walk-in")]
    [InlineData("Phone", "Registered", "phone")]
    [InlineData("Marketing", "AssignedToStore", null)]
    [InlineData("Partner", "AssignedToStore", null)]
    [InlineData("Referral", "Registered", null)]
    [InlineData("DesignerProvided", "Registered", null)]
    public async Task Every_source_registers_into_its_stage_and_register(string source, string stage, string? register)
    {
        var store = await fixture.OpenStoreAsync();

        var customer = await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone(), source);

        Assert.Equal(stage, customer.GetProperty("stage").GetString());
        var id = customer.GetProperty("id").GetGuid();
        var today = CustomerServiceFixture.StoreToday.ToString("yyyy-MM-dd");
        foreach (var kind in new[] { "walk-in", "phone" })
        {
            var rows = (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/registers/{kind}?storeId={store}&date={today}")).GetProperty("rows");
            Assert.Equal(kind == register, rows.EnumerateArray().Any(r => r.GetProperty("customerId").GetGuid() == id));
        }
    }

    [Fact]
    public async Task A_lead_is_assigned_to_the_store_until_its_first_visit()
    {
        var store = await fixture.OpenStoreAsync();
        var lead = await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone(), source: "Marketing");
        Assert.Equal("AssignedToStore", lead.GetProperty("stage").GetString());

        var visit = await fixture.Admin.PostAsJsonAsync($"/api/customers/{lead.GetProperty("id").GetGuid()}/visits", new { channel = "Phone" });

        var body = await visit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("returning").GetBoolean());
        Assert.Equal("Registered", body.GetProperty("stage").GetString());
    }

    [Theory]
    [InlineData("""{ }""", "channel")]
    [InlineData("""{ "channel": "Pigeon" }""", "channel")]
    [InlineData("""{ "channel": "WalkIn", "at": "2999-01-01T00:00:00Z" }""", "at")]
    [InlineData("""{ "channel": "WalkIn", "at": "2000-01-01T00:00:00Z" }""", "at")]
    public async Task A_bad_visit_names_the_field(string json, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);

        var response = await fixture.Admin.PostAsync($"/api/customers/{id}/visits", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(1, await fixture.InDatabase(db => db.Visits.CountAsync(v => v.CustomerId == id)));
    }
}
