using Crm.Customers.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

/// <summary>A user of one store never sees or changes another store's records: they do not exist for them (404).</summary>
public sealed class StoreIsolationTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    [Fact]
    public async Task Another_stores_records_do_not_exist_for_a_store_user()
    {
        var home = await fixture.OpenStoreAsync();
        var other = await fixture.OpenStoreAsync();
        var foreign = await fixture.RegisterAsync(other, CustomerServiceFixture.NewPhone());
        var manager = fixture.Service.ClientAs("CustomerManager", home);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/customers/{foreign.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/stores/{other}")).StatusCode);
        var list = await manager.GetFromJsonAsync<JsonElement>($"/api/customers?storeId={other}");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var stores = await manager.GetFromJsonAsync<JsonElement>("/api/stores");
        Assert.Equal([home], stores.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_store_user_cannot_register_into_another_store()
    {
        var home = await fixture.OpenStoreAsync();
        var other = await fixture.OpenStoreAsync();
        var manager = fixture.Service.ClientAs("CustomerManager", home);

        var response = await manager.PostAsJsonAsync("/api/customers", new { storeId = other, source = "WalkIn", name = "张三", phone = CustomerServiceFixture.NewPhone() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("storeId", out _));
        var admin = await fixture.Service.ClientAs().GetFromJsonAsync<JsonElement>($"/api/customers?storeId={other}");
        Assert.Equal(0, admin.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_store_user_registers_into_their_own_store_without_naming_it()
    {
        var home = await fixture.OpenStoreAsync();

        var response = await fixture.Service.ClientAs("CustomerManager", home)
            .PostAsJsonAsync("/api/customers", new { source = "Phone", name = "李四", phone = CustomerServiceFixture.NewPhone() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var stored = await fixture.Service.ClientAs().GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal(home, stored.GetProperty("storeId").GetGuid());
    }

    [Fact]
    public async Task A_designer_sees_only_their_own_customers_with_the_phone_masked()
    {
        var store = await fixture.OpenStoreAsync();
        var designer = Guid.NewGuid();
        var theirs = (await fixture.RegisterAsync(store, "13912345678")).GetProperty("id").GetGuid();
        var someoneElses = (await fixture.RegisterAsync(store, CustomerServiceFixture.NewPhone())).GetProperty("id").GetGuid();
        await DispatchAsync(theirs, designer);
        await DispatchAsync(someoneElses, Guid.NewGuid());
        var client = fixture.Service.ClientAs("Designer", store, designer);

        var own = await client.GetFromJsonAsync<JsonElement>($"/api/customers/{theirs}");
        var list = await client.GetFromJsonAsync<JsonElement>("/api/customers");
        var other = await client.GetAsync($"/api/customers/{someoneElses}");

        Assert.Equal("139****5678", own.GetProperty("phone").GetString());
        Assert.Equal([theirs], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        Assert.Equal("139****5678", list.GetProperty("items")[0].GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Every_entity_with_a_store_is_filtered_to_the_callers_store()
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<CustomerDbContext>().Model;

        var unfiltered = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && (e.FindProperty("StoreId") is not null || e.ClrType == typeof(Crm.Customers.Domain.Store)))
            .Where(e => e.FindDeclaredQueryFilter(Crm.Data.StoreScopedModel.StoreFilter) is null)
            .Select(e => e.ClrType.Name);

        // The staff directory alone is the chain's: the chain's own staff belong to no store.
        Assert.Equal(["StaffCopy"], unfiltered);
    }

    private async Task DispatchAsync(Guid customerId, Guid designerId)
    {
        await using var scope = fixture.Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerDbContext>();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        customer.RecordDispatch(Guid.NewGuid(), designerId, "设计师", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
