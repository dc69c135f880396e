namespace Crm.Customers.Tests.Api;

/// <summary>The customer list's filters and free text, and the completeness rate per store.</summary>
public sealed class SearchTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private async Task<List<Guid>> FindAsync(string query) =>
        (await fixture.Admin.GetFromJsonAsync<JsonElement>($"/api/customers?{query}")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Each_filter_finds_exactly_its_customers()
    {
        var store = await fixture.OpenStoreAsync();
        var walkIn = await fixture.RegisterAsync(store, "13912345678", "WalkIn", "欧阳娜娜");
        var phone = await fixture.RegisterIdAsync(store, "Phone", "司马光");
        var lead = await fixture.RegisterIdAsync(store, "Partner", "诸葛亮");
        var walkInId = walkIn.GetProperty("id").GetGuid();
        await fixture.MilestoneAsync(phone, new { type = "Measured" });
        var today = CustomerServiceFixture.StoreToday.ToString("yyyy-MM-dd");

        Assert.Equal([phone], await FindAsync($"storeId={store}&stage=Measured"));
        Assert.Equal([lead], await FindAsync($"storeId={store}&stage=AssignedToStore"));
        Assert.Equal([walkInId], await FindAsync($"storeId={store}&source=WalkIn"));
        Assert.Equal([lead, phone, walkInId], await FindAsync($"storeId={store}&registeredFrom={today}&registeredTo={today}"));
        Assert.Empty(await FindAsync($"storeId={store}&registeredTo={CustomerServiceFixture.StoreToday.AddDays(-1):yyyy-MM-dd}"));
        // Free text: part of a name, the last four digits, the whole number in any writing, the customer number.
        Assert.Equal([walkInId], await FindAsync($"storeId={store}&q=娜娜"));
        Assert.Equal([walkInId], await FindAsync($"storeId={store}&q=5678"));
        Assert.Equal([walkInId], await FindAsync($"storeId={store}&q=%2B86 139 1234 5678"));
        Assert.Equal([walkInId], await FindAsync($"storeId={store}&q={walkIn.GetProperty("customerNo").GetString()!.ToLowerInvariant()}"));
        Assert.Empty(await FindAsync($"storeId={store}&q=%25"));
    }

    [Fact]
    public async Task The_designer_filter_finds_the_designers_customers()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = Guid.NewGuid();
        var theirs = await fixture.RegisterIdAsync(store);
        await fixture.RegisterIdAsync(store);
        await fixture.InDatabase(async db =>
        {
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Customers, c => c.Id == theirs))
                .RecordDispatch(Guid.NewGuid(), designer, "陈设计", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

        Assert.Equal([theirs], await FindAsync($"storeId={store}&designerId={designer}"));
    }

    [Theory]
    [InlineData("stage=Dreaming", "stage")]
    [InlineData("stage=3", "stage")]
    [InlineData("source=Aliens", "source")]
    [InlineData("registeredFrom=yesterday", "registeredFrom")]
    [InlineData("registeredFrom=2026-11-02&registeredTo=2026-11-01", "registeredTo")]
    [InlineData("designerId=someone", "designerId")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task A_bad_filter_names_the_field(string query, string field) =>
        await ProblemAssert.NamesFieldAsync(await fixture.Admin.GetAsync($"/api/customers?{query}"), field);

    [Fact]
    public async Task Completeness_is_rated_per_store()
    {
        var store = await fixture.OpenStoreAsync();
        // 2 of 15 fields, and 5 of 15 fields: the store's rate is 7 of 30.
        await fixture.RegisterIdAsync(store);
        var response = await fixture.Admin.PostAsJsonAsync("/api/customers", new
        {
            storeId = store, source = "WalkIn", name = "李四", phone = CustomerServiceFixture.NewPhone(),
            address = "徐汇区", incomeBand = "Under200K", house = new { kind = "New" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var rate = await fixture.Service.ClientAs("StoreManager", store).GetFromJsonAsync<JsonElement>("/api/customers/completeness");

        var row = Assert.Single(rate.GetProperty("stores").EnumerateArray());
        Assert.Equal((store, 2, 0.2333m), (row.GetProperty("storeId").GetGuid(), row.GetProperty("customers").GetInt32(), row.GetProperty("completenessRate").GetDecimal()));
        Assert.Equal(0.2333m, rate.GetProperty("completenessRate").GetDecimal());
    }
}
