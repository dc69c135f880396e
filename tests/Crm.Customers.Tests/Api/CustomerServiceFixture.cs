using Crm.Customers.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

/// <summary>One customer service for a test class; each test makes stores of its own.</summary>
public sealed class CustomerServiceFixture : IAsyncLifetime
{
    public ServiceFactory<Program> Service { get; private set; } = null!;

    public async Task InitializeAsync() => Service = await ServiceFactory<Program>.StartAsync("customerdb");

    public async Task DisposeAsync() => await Service.DisposeAsync();

    public HttpClient Admin => Service.ClientAs();

    public async Task<Guid> OpenStoreAsync()
    {
        var code = "S" + Random.Shared.Next(0, 1_000_000).ToString("D6");
        var response = await Admin.PostAsJsonAsync("/api/stores", new { code, name = $"{code} 店", city = "上海" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> RegisterAsync(Guid storeId, string phone, string source = "WalkIn", string name = "张三")
    {
        var response = await Admin.PostAsJsonAsync("/api/customers", new { storeId, source, name, phone });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<Guid> RegisterIdAsync(Guid storeId, string source = "WalkIn", string name = "张三") =>
        (await RegisterAsync(storeId, NewPhone(), source, name)).GetProperty("id").GetGuid();

    public async Task<HttpResponseMessage> MilestoneAsync(Guid customerId, object body, HttpClient? client = null) =>
        await (client ?? Admin).PostAsJsonAsync($"/api/customers/{customerId}/milestones", body);

    public async Task<T> InDatabase<T>(Func<CustomerDbContext, Task<T>> query)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CustomerDbContext>());
    }

    /// <summary>Waits until this service's bus is connected, so that a test may publish to it.</summary>
    public Task BusReadyAsync() => Service.BusReadyAsync();

    public static string NewPhone() => "137" + Random.Shared.Next(0, 100_000_000).ToString("D8");

    /// <summary>Today in the stores' default time zone, where registers count their days.</summary>
    public static DateOnly StoreToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
}
