using Crm.Followups.Data;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Testing.EndpointAccess;

namespace Crm.Followups.Tests;

/// <summary>Who may call the follow-up service (domain.md §6), and store isolation of its records.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly EndpointRule[] Table =
    [
        .. AccessChecks.ShardedCommon,
        Rule("GET", "/api/followups/tasks", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/followups/tasks/summary", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/followups", "ChainAdmin", "StoreManager", "CustomerManager", "HomeConsultant"),
        Rule("GET", "/api/followups", "ChainAdmin", "StoreManager", "CustomerManager", "HomeConsultant"),
        Rule("POST", "/api/followups/tasks/{id:guid}/complete", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/followups/tasks/export", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/followups/problems", "ChainAdmin", "StoreManager", "CustomerManager", "HomeConsultant"),
        Rule("GET", "/api/followups/problems", "ChainAdmin", "StoreManager", "CustomerManager", "Designer", "HomeConsultant"),
        Rule("POST", "/api/followups/problems/{id:guid}/resolve", "ChainAdmin", "StoreManager", "CustomerManager", "Designer"),
        Rule("PUT", "/api/followups/customers/{customerId:guid}/assignee", "ChainAdmin", "StoreManager"),
        Rule("GET", "/api/followups/customers/{customerId:guid}", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/followups/customers/{customerId:guid}/reassignments", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/operations/task-rules/run", "ChainAdmin"),
    ];

    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("followupdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() => AccessChecks.DeclaredAsInTable(_service.Services, Table);

    [Fact]
    public Task Each_role_is_admitted_or_refused_as_the_table_says() =>
        AccessChecks.EveryRoleAsInTableAsync(role => _service.ClientAs(role, Guid.NewGuid()), Table);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public Task Without_a_token_only_health_and_documents_answer() => AccessChecks.AnonymousRefusedAsync(_service.CreateClient(), Table);

    [Fact]
    public async Task Another_stores_tasks_do_not_exist_for_a_store_user()
    {
        var home = Store();
        var other = Store();
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FollowupDbContext>();
            db.Stores.AddRange(home, other);
            db.Tasks.AddRange(FollowUpTask.FirstFollowUp(home, FollowedCustomer.From(Registered(home), Today), DateTimeOffset.UtcNow), FollowUpTask.FirstFollowUp(other, FollowedCustomer.From(Registered(other), Today), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var tasks = await _service.ClientAs("CustomerManager", home.Id).GetFromJsonAsync<JsonElement>("/api/followups/tasks");
        var filtered = await _service.ClientAs("StoreManager", home.Id).GetFromJsonAsync<JsonElement>($"/api/followups/tasks?storeId={other.Id}");

        Assert.Equal([home.Id], tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("storeId").GetGuid()));
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_entity_with_a_store_is_filtered_to_the_callers_store()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        // The staff directory alone is the chain's: the chain's own staff belong to no store.
        Assert.Equal(["StaffCopy"], StoreFilterChecks.Unfiltered(scope.ServiceProvider.GetRequiredService<FollowupDbContext>().Model, typeof(FollowupStore)));
    }

    private static FollowupStore Store() => StoreCopy.From<FollowupStore>(new StoreOpened
    {
        StoreId = Guid.NewGuid(), Code = "T01", Name = "Test", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
    });

    private static CustomerRegistered Registered(FollowupStore store) => new()
    {
        StoreId = store.Id, CustomerId = Guid.NewGuid(), CustomerNo = "T01-2026-000001", Source = CustomerSource.WalkIn, RegisteredAt = DateTimeOffset.UtcNow,
    };
}
