using Crm.Customers.Data;
using Crm.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests.Api;

public sealed class CustomerRegistrationTests : IAsyncLifetime
{
    private ServiceFactory<Program> _service = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceFactory<Program>.StartAsync("customerdb");
        _client = _service.ClientAs();
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private async Task<Guid> OpenStoreAsync(string code)
    {
        var response = await _client.PostAsJsonAsync("/api/stores", new { code, name = $"{code} 店", city = "上海" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> RegisterAsync(Guid storeId, string phone, string name = "张三") =>
        _client.PostAsJsonAsync("/api/customers", new { storeId, source = "WalkIn", name, phone });

    private async Task<T> InDatabase<T>(Func<CustomerDbContext, Task<T>> query)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CustomerDbContext>());
    }

    private static int LocalYear => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;

    [Fact]
    public async Task Registration_numbers_customers_per_store_and_announces_them()
    {
        var store = await OpenStoreAsync("RG01");

        var first = await RegisterAsync(store, "138 0013 8000");
        var second = await RegisterAsync(store, "13900139000", "李四");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"RG01-{LocalYear}-000001", body.GetProperty("customerNo").GetString());
        Assert.Equal(1, body.GetProperty("archiveBag").GetInt32());
        Assert.Equal("Registered", body.GetProperty("stage").GetString());
        Assert.Equal($"RG01-{LocalYear}-000002", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerNo").GetString());

        var id = body.GetProperty("id").GetGuid();
        var stored = await _client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}");
        Assert.Equal("+8613800138000", stored.GetProperty("phone").GetString());
        Assert.Equal(store, stored.GetProperty("storeId").GetGuid());

        // Both registrations wrote their event in the same transaction; the relay sends them.
        await Eventually.Holds(() => InDatabase(db => db.OutboxMessages.AllAsync(m => m.SentAt != null)), TimeSpan.FromSeconds(30), "the events to be sent");
        var events = await InDatabase(db => db.OutboxMessages.Where(m => m.MessageType == typeof(CustomerRegistered).FullName).CountAsync());
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task Concurrent_registrations_get_consecutive_numbers()
    {
        var store = await OpenStoreAsync("RG02");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => RegisterAsync(store, $"1370000{i:D4}")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerNo").GetString()!);
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"RG02-{LocalYear}-{n:D6}"), numbers.Order());
    }

    [Fact]
    public async Task A_known_phone_is_a_conflict_naming_the_existing_customer()
    {
        var home = await OpenStoreAsync("RG03");
        var other = await OpenStoreAsync("RG04");
        var existing = await (await RegisterAsync(home, "13600136000")).Content.ReadFromJsonAsync<JsonElement>();

        var sameStore = await RegisterAsync(home, "+86 136 0013 6000", "王五");
        var otherStore = await RegisterAsync(other, "13600136000", "王五");

        Assert.Equal(HttpStatusCode.Conflict, sameStore.StatusCode);
        var problem = await sameStore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("duplicate-phone", problem.GetProperty("code").GetString());
        Assert.Equal(existing.GetProperty("id").GetGuid(), problem.GetProperty("customerId").GetGuid());

        Assert.Equal(HttpStatusCode.Conflict, otherStore.StatusCode);
        var foreign = await otherStore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(existing.GetProperty("customerNo").GetString(), foreign.GetProperty("customerNo").GetString());
        Assert.Equal(home, foreign.GetProperty("storeId").GetGuid());
        Assert.False(foreign.TryGetProperty("customerId", out _));
        Assert.Equal(1, await InDatabase(db => db.Customers.CountAsync()));
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三" }""", "phone" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": "12345" }""", "phone" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": 13800138000 }""", "phone" },
        { """{ "storeId": "00000000-0000-0000-0000-000000000001", "source": "WalkIn", "name": "张三", "phone": "13800138000" }""", "storeId" },
        { """{ "storeId": "not-a-guid", "source": "WalkIn", "name": "张三", "phone": "13800138000" }""", "storeId" },
        { """{ "storeId": "{store}", "source": "Walking", "name": "张三", "phone": "13800138000" }""", "source" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": "13800138000", "stage": "Reviewed" }""", "stage" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "", "phone": "13800138000" }""", "name" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": "13800138000", "customerNo": "X-1" }""", "customerNo" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": "13800138000", "id": "{store}" }""", "id" },
        { """{ "storeId": "{store}", "source": "WalkIn", "name": "张三", "phone": "1380013""", "phone" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_changes_nothing(string json, string field)
    {
        var store = await OpenStoreAsync("RG05");
        var content = new StringContent(json.Replace("{store}", store.ToString()), System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync("/api/customers", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        Assert.Equal(0, await InDatabase(db => db.Customers.CountAsync()));
        Assert.Equal(0, await InDatabase(db => db.OutboxMessages.CountAsync(m => m.MessageType == typeof(CustomerRegistered).FullName)));
    }

    [Fact]
    public async Task A_dispatch_announced_by_the_dispatch_service_shows_on_the_customer()
    {
        var store = await OpenStoreAsync("RG06");
        var customer = await (await RegisterAsync(store, "13500135000")).Content.ReadFromJsonAsync<JsonElement>();
        var id = customer.GetProperty("id").GetGuid();
        await _service.BusReadyAsync();

        var designerId = Guid.NewGuid();
        await _service.Services.GetRequiredService<IBus>().Publish(new CustomerDispatched
        {
            StoreId = store,
            CustomerId = id,
            AssignmentId = Guid.NewGuid(),
            DesignerId = designerId,
            DesignerName = "王磊",
            DispatchedAt = DateTimeOffset.UtcNow,
        });

        await Eventually.Holds(async () =>
            (await _client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("designer").ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30), "the designer to show");
        var designer = (await _client.GetFromJsonAsync<JsonElement>($"/api/customers/{id}")).GetProperty("designer");
        Assert.Equal(designerId, designer.GetProperty("designerId").GetGuid());
        Assert.Equal("王磊", designer.GetProperty("name").GetString());
    }
}
