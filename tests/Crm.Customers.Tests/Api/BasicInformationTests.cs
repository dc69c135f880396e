using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests.Api;

/// <summary>Registration with the full basic information of §1, and its changes through the change log.</summary>
public sealed class BasicInformationTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private static object FullRegistration(Guid storeId, string phone) => new
    {
        storeId,
        source = "Referral",
        name = " 王丽 ",
        phone,
        otherContact = "微信 wangli88",
        address = "上海市徐汇区漕溪北路88号",
        family = new { size = 4, elderly = 1, children = 1 },
        incomeBand = "From500KTo1M",
        preferences = new { styles = new[] { "现代简约", "北欧" }, budget = 320000m },
        house = new { community = "绿地海珀", address = "5号楼1602", areaM2 = 142.5m, layout = "4室2厅", kind = "OffPlan", deliveryDate = "2027-06-30" },
        requestedDesignerId = Guid.Parse("0190f0c8-0000-7000-8000-000000000001"),
        specialRequest = "希望设计师有别墅经验",
    };

    [Fact]
    public async Task Registration_keeps_every_basic_field_and_rates_the_customer_complete()
    {
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();

        var response = await fixture.Admin.PostAsJsonAsync("/api/customers", FullRegistration(store, phone));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var customer = await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("王丽", customer.GetProperty("name").GetString());
        Assert.Equal("+86" + phone, customer.GetProperty("phone").GetString());
        Assert.Equal("Referral", customer.GetProperty("source").GetString());
        Assert.Equal("微信 wangli88", customer.GetProperty("otherContact").GetString());
        Assert.Equal(4, customer.GetProperty("family").GetProperty("size").GetInt32());
        Assert.Equal("From500KTo1M", customer.GetProperty("incomeBand").GetString());
        Assert.Equal(["现代简约", "北欧"], customer.GetProperty("preferences").GetProperty("styles").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(320000m, customer.GetProperty("preferences").GetProperty("budget").GetDecimal());
        var house = customer.GetProperty("house");
        Assert.Equal(("绿地海珀", 142.5m, "OffPlan", "2027-06-30"),
            (house.GetProperty("community").GetString(), house.GetProperty("areaM2").GetDecimal(), house.GetProperty("kind").GetString(), house.GetProperty("deliveryDate").GetString()));
        Assert.Equal("希望设计师有别墅经验", customer.GetProperty("specialRequest").GetString());
        Assert.Equal(1m, customer.GetProperty("completenessRate").GetDecimal());
        Assert.Equal("Registered", customer.GetProperty("stage").GetString());
    }

    public static TheoryData<string, string> BadFields => new()
    {
        { """ "otherContact": "{long}" """, "otherContact" },
        { """ "address": "{long}{long}" """, "address" },
        { """ "family": { "size": 0 } """, "family.size" },
        { """ "family": { "size": 2, "elderly": 2, "children": 1 } """, "family.size" },
        { """ "family": { "size": 3, "elderly": -1 } """, "family.elderly" },
        { """ "family": { "size": 3, "children": -2 } """, "family.children" },
        { """ "family": { "size": "four" } """, "family.size" },
        { """ "family": { "size": 3, "pets": 1 } """, "family.pets" },
        { """ "incomeBand": "Rich" """, "incomeBand" },
        { """ "incomeBand": 2 """, "incomeBand" },
        { """ "preferences": { "styles": [""] } """, "preferences.styles" },
        { """ "preferences": { "styles": "北欧" } """, "preferences.styles" },
        { """ "preferences": { "budget": -5 } """, "preferences.budget" },
        { """ "preferences": { "budget": 0.001 } """, "preferences.budget" },
        { """ "house": { "areaM2": 0 } """, "house.areaM2" },
        { """ "house": { "areaM2": "big" } """, "house.areaM2" },
        { """ "house": { "kind": "Castle" } """, "house.kind" },
        { """ "house": { "kind": "OffPlan" } """, "house.deliveryDate" },
        { """ "house": { "kind": "New", "deliveryDate": "2027-01-01" } """, "house.deliveryDate" },
        { """ "house": { "kind": "OffPlan", "deliveryDate": "next year" } """, "house.deliveryDate" },
        { """ "house": { "community": "{long}" } """, "house.community" },
        { """ "house": { "layout": "{long}" } """, "house.layout" },
        { """ "requestedDesignerId": "nobody" """, "requestedDesignerId" },
        { """ "requestedDesignerId": "00000000-0000-0000-0000-000000000000" """, "requestedDesignerId" },
        { """ "specialRequest": "{long}{long}{long}" """, "specialRequest" },
        { """ "source": "Marketing", "name": "{long}" """, "name" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task Each_bad_basic_field_is_a_problem_naming_it_and_nothing_is_stored(string fields, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var json = $$"""{ "storeId": "{{store}}", "source": "WalkIn", "name": "张三", "phone": "{{CustomerServiceFixture.NewPhone()}}", {{fields.Replace("{long}", new string('长', 200))}} }""";
        // A field given twice is refused by the reader, so the overriding name above replaces the default one.
        if (fields.Contains("\"name\"")) json = json.Replace("\"source\": \"WalkIn\", \"name\": \"张三\", ", "");

        var response = await fixture.Admin.PostAsync("/api/customers", new StringContent(json, Encoding.UTF8, "application/json"));

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(0, await fixture.InDatabase(db => db.Customers.CountAsync(c => c.StoreId == store)));
    }

    [Fact]
    public async Task A_change_keeps_the_old_value_who_when_and_why()
    {
        var store = await fixture.OpenStoreAsync();
        var phone = CustomerServiceFixture.NewPhone();
        var id = (await (await fixture.Admin.PostAsJsonAsync("/api/customers", FullRegistration(store, phone))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var manager = fixture.Service.ClientAs("CustomerManager", store);

        // A merge patch: the house changes kind, its other fields stay; the budget changes, the styles stay.
        var response = await manager.PatchAsJsonAsync($"/api/customers/{id}", new
        {
            house = new { kind = "New", deliveryDate = (string?)null },
            preferences = new { budget = 400000m },
            otherContact = (string?)null,
            reason = "客户已收房",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var customer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("New", customer.GetProperty("house").GetProperty("kind").GetString());
        Assert.Equal("绿地海珀", customer.GetProperty("house").GetProperty("community").GetString());
        Assert.Equal(2, customer.GetProperty("preferences").GetProperty("styles").GetArrayLength());
        Assert.Equal(0.9333m, customer.GetProperty("completenessRate").GetDecimal());

        var changes = await manager.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/changes");
        Assert.Equal(4, changes.GetProperty("total").GetInt32());
        var lines = changes.GetProperty("items").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [("house.deliveryDate", "2027-06-30", null), ("house.kind", "OffPlan", "New"), ("otherContact", "微信 wangli88", null), ("preferences.budget", "320000", "400000")],
            lines);
        Assert.All(changes.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("客户已收房", c.GetProperty("reason").GetString());
            Assert.Equal("test-CustomerManager", c.GetProperty("changedByName").GetString());
        });

        var announced = await fixture.InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(Crm.Messages.CustomerDetailsChanged).FullName)
            .Select(m => m.Body).ToListAsync());
        var changed = announced.Select(b => JsonDocument.Parse(b).RootElement).Single(e => e.GetProperty("customerId").GetGuid() == id);
        Assert.Equal("New", changed.GetProperty("houseKind").GetString());
        Assert.Equal(400000m, changed.GetProperty("budget").GetDecimal());
    }

    public static TheoryData<string, string> BadChanges => new()
    {
        { """{ "name": "李四" }""", "reason" },
        { """{ "name": "李四", "reason": "  " }""", "reason" },
        { """{ "name": "", "reason": "更正" }""", "name" },
        { """{ "name": null, "reason": "更正" }""", "name" },
        { """{ "phone": "12345", "reason": "更正" }""", "phone" },
        { """{ "phone": null, "reason": "更正" }""", "phone" },
        { """{ "stage": "Completed", "reason": "更正" }""", "stage" },
        { """{ "house": { "floor": 3 }, "reason": "更正" }""", "house.floor" },
        { """{ "house": { "kind": "OffPlan" }, "reason": "更正" }""", "house.deliveryDate" },
        { """{ "family": { "size": 0 }, "reason": "更正" }""", "family.size" },
        { """{ "preferences": { "budget": "a lot" }, "reason": "更正" }""", "preferences.budget" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task A_bad_change_names_the_field_and_changes_nothing(string json, string field)
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store);
        var before = await fixture.Admin.GetStringAsync($"/api/customers/{id}");

        var response = await fixture.Admin.PatchAsync($"/api/customers/{id}", new StringContent(json, Encoding.UTF8, "application/merge-patch+json"));

        await ProblemAssert.NamesFieldAsync(response, field);
        Assert.Equal(before, await fixture.Admin.GetStringAsync($"/api/customers/{id}"));
        Assert.Equal(0, await fixture.InDatabase(db => db.Changes.CountAsync(c => c.CustomerId == id)));
    }

    [Fact]
    public async Task A_phone_changed_to_another_customers_is_a_duplicate()
    {
        var store = await fixture.OpenStoreAsync();
        var taken = await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone());
        var id = await fixture.RegisterIdAsync(store);
        var takenPhone = (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{taken.GetProperty("id").GetGuid()}")).GetProperty("phone").GetString();

        var response = await fixture.Admin.PatchAsJsonAsync($"/api/customers/{id}", new { phone = takenPhone, reason = "客户换号" });

        var problem = await ProblemAssert.ConflictAsync(response, "duplicate-phone");
        Assert.Equal(taken.GetProperty("customerNo").GetString(), problem.GetProperty("customerNo").GetString());
        Assert.Equal(0, await fixture.InDatabase(db => db.Changes.CountAsync(c => c.CustomerId == id)));
    }

    [Fact]
    public async Task A_change_to_the_same_values_records_nothing()
    {
        var store = await fixture.OpenStoreAsync();
        var id = await fixture.RegisterIdAsync(store, name: "张三");

        var response = await fixture.Admin.PatchAsJsonAsync($"/api/customers/{id}", new { name = " 张三 ", reason = "核对" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers/{id}/changes")).GetProperty("total").GetInt32());
    }
}
