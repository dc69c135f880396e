using Crm.Reports.Data;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Testing.EndpointAccess;

namespace Crm.Reports.Tests;

/// <summary>Who may read the figures (domain.md §6), and store isolation of the read model.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly EndpointRule[] Table =
    [
        .. AccessChecks.ShardedCommon,
        Rule("GET", "/api/reports/customer-resources", "ChainAdmin", "StoreManager", "CustomerManager", "Finance"),
        Rule("GET", "/api/reports/stale-customers", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/reports/morning-meeting", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/reports/reconciliation", "ChainAdmin", "StoreManager", "CustomerManager", "Marketing"),
    ];

    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("reportdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() => AccessChecks.DeclaredAsInTable(_service.Services, Table);

    [Fact]
    public Task Each_role_is_admitted_or_refused_as_the_table_says() =>
        AccessChecks.EveryRoleAsInTableAsync(role => _service.ClientAs(role, Guid.NewGuid()), Table);

    [Fact]
    public Task Without_a_token_only_health_and_documents_answer() => AccessChecks.AnonymousRefusedAsync(_service.CreateClient(), Table);

    [Fact]
    public async Task Every_entity_with_a_store_is_filtered_to_the_callers_store()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        Assert.Empty(StoreFilterChecks.Unfiltered(scope.ServiceProvider.GetRequiredService<ReportDbContext>().Model, typeof(StoreCopy)));
    }
}
