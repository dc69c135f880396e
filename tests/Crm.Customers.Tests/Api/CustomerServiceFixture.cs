namespace Crm.Customers.Tests.Api;

/// <summary>One customer service for a test class; each test makes stores of its own.</summary>
public sealed class CustomerServiceFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await ServiceFactory<Program>.StartAsync("customerdb");

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public async Task<Guid> OpenStoreAsync()
    {
        var code = "S" + Random.Shared.Next(0, 1_000_000).ToString("D6");
        var response = await Service.ClientAs().PostAsJsonAsync("/api/stores", new { code, name = $"{code} 店", city = "上海" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> RegisterAsync(Guid storeId, string phone)
    {
        var response = await Service.ClientAs().PostAsJsonAsync("/api/customers", new { storeId, source = "WalkIn", name = "张三", phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string NewPhone() => "137" + Random.Shared.Next(0, 100_000_000).ToString("D8");
}
