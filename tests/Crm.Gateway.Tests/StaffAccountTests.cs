using Crm.Gateway.Data;
using Crm.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Gateway.Tests;

/// <summary>Staff accounts are announced to the services that keep a copy of them, in the same save as the account.</summary>
public sealed class StaffAccountTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Opening_and_disabling_an_account_is_announced_and_a_disabled_account_cannot_sign_in()
    {
        var store = await _gateway.StoreAsync();
        var (id, username) = await _gateway.StaffAsync("StoreManager", store);

        var disabled = await _gateway.ClientAs().PatchAsJsonAsync($"/api/staff/{id}", new { disabled = true, displayName = "陈静" });
        var signIn = await _gateway.SignInAsync(username, "Staff#2026");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        var events = await AnnouncementsAsync(id);
        Assert.Equal([nameof(StaffAccountOpened), nameof(StaffAccountChanged)], events.Select(e => e.Type));
        Assert.Equal((id, "StoreManager", store, true), (events[0].Body.GetProperty("userId").GetGuid(), events[0].Body.GetProperty("role").GetString(), events[0].Body.GetProperty("storeId").GetGuid(), events[0].Body.GetProperty("active").GetBoolean()));
        Assert.Equal(("陈静", false), (events[1].Body.GetProperty("displayName").GetString(), events[1].Body.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task A_refused_account_is_not_announced()
    {
        var store = await _gateway.StoreAsync();
        var username = $"weak.{Guid.NewGuid():N}"[..20];

        var response = await _gateway.ClientAs().PostAsJsonAsync("/api/staff", new { username, password = "short", displayName = "x", role = "Finance", storeId = store });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = _gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var opened = await db.OutboxMessages.Where(m => m.MessageType == typeof(StaffAccountOpened).FullName).Select(m => m.Body).ToListAsync();
        Assert.DoesNotContain(opened, body => JsonDocument.Parse(body).RootElement.GetProperty("username").GetString() == username);
    }

    [Fact]
    public async Task A_store_manager_changes_only_their_own_stores_accounts_and_not_unchanged_ones()
    {
        var home = await _gateway.StoreAsync();
        var other = await _gateway.StoreAsync();
        var (foreign, _) = await _gateway.StaffAsync("CustomerManager", other);
        var (own, _) = await _gateway.StaffAsync("CustomerManager", home);
        var manager = _gateway.ClientAs("StoreManager", home);

        var foreignChange = await manager.PatchAsJsonAsync($"/api/staff/{foreign}", new { disabled = true });
        var sameName = await manager.PatchAsJsonAsync($"/api/staff/{own}", new { displayName = "测试" });
        var blank = await manager.PatchAsJsonAsync($"/api/staff/{own}", new { displayName = " " });

        Assert.Equal(HttpStatusCode.NotFound, foreignChange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sameName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal([nameof(StaffAccountOpened)], (await AnnouncementsAsync(own)).Select(e => e.Type));
        Assert.Equal([nameof(StaffAccountOpened)], (await AnnouncementsAsync(foreign)).Select(e => e.Type));
    }

    private async Task<List<(string Type, JsonElement Body)>> AnnouncementsAsync(Guid userId)
    {
        await using var scope = _gateway.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var rows = await db.OutboxMessages.Where(m => m.MessageType.StartsWith("Crm.Messages.StaffAccount")).OrderBy(m => m.Sequence).ToListAsync();
        return rows.Select(r => (Type: r.MessageType["Crm.Messages.".Length..], Body: JsonDocument.Parse(r.Body).RootElement))
            .Where(r => r.Body.GetProperty("userId").GetGuid() == userId).ToList();
    }
}
