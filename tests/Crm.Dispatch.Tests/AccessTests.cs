using Crm.Dispatch.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Testing.EndpointAccess;

namespace Crm.Dispatch.Tests;

/// <summary>Who may call the dispatch service (domain.md §6), and store isolation of its records.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly string[] StoreStaff = ["ChainAdmin", "StoreManager", "CustomerManager"];
    private static readonly string[] RosterKeepers = ["ChainAdmin", "StoreManager"];
    private static readonly EndpointRule[] Table =
    [
        .. AccessChecks.ShardedCommon,
        Rule("GET", "/api/dispatch/designers", StoreStaff),
        Rule("GET", "/api/dispatch/designers/{id:guid}", StoreStaff),
        Rule("POST", "/api/dispatch/designers", RosterKeepers),
        Rule("PATCH", "/api/dispatch/designers/{id:guid}", RosterKeepers),
        Rule("PUT", "/api/dispatch/designers/{id:guid}/duty", StoreStaff),
        Rule("POST", "/api/dispatch/designers/{id:guid}/suspend", RosterKeepers),
        Rule("POST", "/api/dispatch/designers/{id:guid}/remove", RosterKeepers),
        Rule("POST", "/api/dispatch/designers/{id:guid}/reinstate", RosterKeepers),
        Rule("GET", "/api/dispatch/designers/{id:guid}/holdings", [.. StoreStaff, "Designer"]),
        Rule("GET", "/api/dispatch/designers/{id:guid}/history", StoreStaff),
        Rule("GET", "/api/dispatch/assignments", [.. StoreStaff, "Designer"]),
        Rule("GET", "/api/dispatch/assignments/{id:guid}", [.. StoreStaff, "Designer"]),
        Rule("POST", "/api/dispatch/assignments", StoreStaff),
        Rule("POST", "/api/dispatch/assignments/{id:guid}/accept", [.. StoreStaff, "Designer"]),
        Rule("POST", "/api/dispatch/assignments/{id:guid}/refuse", [.. StoreStaff, "Designer"]),
        Rule("POST", "/api/dispatch/assignments/{id:guid}/reassign", StoreStaff),
        Rule("POST", "/api/dispatch/suggestions", StoreStaff),
        Rule("GET", "/api/dispatch/settings/{storeId:guid}", StoreStaff),
        Rule("PUT", "/api/dispatch/settings/{storeId:guid}", RosterKeepers),
        Rule("GET", "/api/dispatch/settings/{storeId:guid}/history", StoreStaff),
    ];

    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("dispatchdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() => AccessChecks.DeclaredAsInTable(_service.Services, Table);

    [Fact]
    public Task Each_role_is_admitted_or_refused_as_the_table_says() =>
        AccessChecks.EveryRoleAsInTableAsync(role => _service.ClientAs(role, Guid.NewGuid(), role == "Designer" ? Guid.NewGuid() : null), Table);

    [Fact]
    public Task Without_a_token_only_health_and_documents_answer() => AccessChecks.AnonymousRefusedAsync(_service.CreateClient(), Table);

    [Fact]
    public async Task Another_stores_designers_and_assignments_do_not_exist_for_a_store_user()
    {
        var (home, other) = (Store(), Store());
        var foreign = Designer.Join(other.Id, "外店设计师", DesignerLevel.Senior, true, []);
        var own = Designer.Join(home.Id, "本店设计师", DesignerLevel.Designer, false, []);
        var colleague = Designer.Join(home.Id, "同事", DesignerLevel.Designer, false, []);
        await SaveAsync(db =>
        {
            db.Stores.AddRange(home, other);
            db.Designers.AddRange(foreign, own, colleague);
            db.Assignments.AddRange(
                Assignment.Offer(Guid.NewGuid(), foreign, Domain.Rules.ManualTrace(foreign), Domain.Rules.Today),
                Assignment.Offer(Guid.NewGuid(), own, Domain.Rules.ManualTrace(own), Domain.Rules.Today),
                Assignment.Offer(Guid.NewGuid(), colleague, Domain.Rules.ManualTrace(colleague), Domain.Rules.Today));
        });
        var manager = _service.ClientAs("CustomerManager", home.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/dispatch/designers/{foreign.Id}")).StatusCode);
        Assert.Equal(0, (await manager.GetFromJsonAsync<JsonElement>($"/api/dispatch/designers?storeId={other.Id}")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>("/api/dispatch/designers")).GetProperty("total").GetInt32());
        Assert.Equal(2, (await manager.GetFromJsonAsync<JsonElement>("/api/dispatch/assignments")).GetProperty("total").GetInt32());
        var designer = await _service.ClientAs("Designer", home.Id, own.Id).GetFromJsonAsync<JsonElement>("/api/dispatch/assignments");
        Assert.Equal([own.Id], designer.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("designerId").GetGuid()));
    }

    [Fact]
    public async Task Every_entity_with_a_store_is_filtered_to_the_callers_store()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        Assert.Empty(StoreFilterChecks.Unfiltered(scope.ServiceProvider.GetRequiredService<DispatchDbContext>().Model, typeof(StoreCopy)));
    }

    private static DispatchStore Store() => StoreCopy.From<DispatchStore>(new StoreOpened
    {
        StoreId = Guid.NewGuid(), Code = "T01", Name = "Test", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
    });

    private async Task SaveAsync(Action<DispatchDbContext> change)
    {
        await using var scope = _service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatchDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}
