using Crm.Partners.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Partners.Tests.Api;

/// <summary>
/// The partner service on a fresh database, with webhooks polled and retried quickly; helpers that open stores (by
/// event, as the customer service announces them) and add partners with keys through the administrator's API.
/// </summary>
public sealed class PartnerHost : IAsyncDisposable
{
    public sealed record TestPartner(Guid Id, Guid KeyId, string ApiKey, string? WebhookSecret, HttpClient Client);

    public ServiceFactory<Program> Service { get; private init; } = null!;
    public IBus Bus { get; private init; } = null!;
    public HttpClient Admin { get; private init; } = null!;

    public static async Task<PartnerHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var defaults = new Dictionary<string, string>
        {
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:Timeout"] = "00:00:02",
            ["Webhooks:Retry:First"] = "00:00:00.200",
            ["Webhooks:Retry:Attempts"] = "3",
            ["Imports:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) defaults[key] = value;
        var service = await ServiceFactory<Program>.StartAsync("partnerdb", defaults);
        await service.BusReadyAsync();
        return new PartnerHost { Service = service, Bus = service.Services.GetRequiredService<IBus>(), Admin = service.ClientAs(StaffRoles.ChainAdmin) };
    }

    public async Task<T> InDatabase<T>(Func<PartnerDbContext, Task<T>> read)
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PartnerDbContext>());
    }

    public async Task<Guid> StoreAsync(string city = "上海", string? code = null)
    {
        var id = Guid.CreateVersion7();
        await Bus.Publish(new StoreOpened { StoreId = id, Code = code ?? "P" + Random.Shared.Next(1000, 9999), Name = "测试店", City = city, TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow });
        await Eventually.Holds(() => InDatabase(db => db.Stores.AnyAsync(s => s.Id == id)), TimeSpan.FromSeconds(30), "the store to be known");
        return id;
    }

    public async Task<TestPartner> PartnerAsync(IReadOnlyList<Guid> stores, string? webhookUrl = null, string[]? scopes = null)
    {
        var created = await Admin.PostAsJsonAsync("/api/partners", new { name = "伙伴" + Guid.NewGuid().ToString("N")[..8], allowedStores = stores, scopes, webhookUrl });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var partner = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = partner.GetProperty("id").GetGuid();
        var issued = await Admin.PostAsJsonAsync($"/api/partners/{id}/keys", new { label = "test" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var key = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var keyId = key.GetProperty("id").GetGuid();
        return new TestPartner(id, keyId, key.GetProperty("apiKey").GetString()!, partner.GetProperty("webhookSecret").GetString(),
            Service.CreateClient().As(TestTokens.ForPartner(id, keyId)));
    }

    public static object Lead(string externalId, Guid? storeId, string phone, string? city = null) =>
        new { externalId, storeId, city, name = "周女士", phone, house = new { community = "绿地海域", areaM2 = 96 } };

    public async ValueTask DisposeAsync() => await Service.DisposeAsync();
}
