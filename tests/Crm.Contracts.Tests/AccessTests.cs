using Crm.Contracts.Data;
using Microsoft.Extensions.DependencyInjection;
using static Crm.Testing.EndpointAccess;

namespace Crm.Contracts.Tests;

/// <summary>Who may call the contract service (domain.md §6), and store isolation of its records.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly EndpointRule[] Table =
    [
        .. AccessChecks.ShardedCommon,
        Rule("GET", "/api/contracts/forms", "ChainAdmin", "StoreManager", "CustomerManager", "Finance", "Designer"),
        Rule("POST", "/api/contracts/forms/receive", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/forms/{serial}", "ChainAdmin", "StoreManager", "CustomerManager", "Finance", "Designer"),
        Rule("GET", "/api/contracts/forms/{serial}/custody", "ChainAdmin", "StoreManager", "CustomerManager", "Finance"),
        Rule("POST", "/api/contracts/forms/{serial}/issue", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/forms/{serial}/sign", "ChainAdmin", "StoreManager", "CustomerManager", "Designer"),
        Rule("POST", "/api/contracts/forms/{serial}/retrieve", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/forms/{serial}/transfer", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/forms/{serial}/return", "ChainAdmin", "StoreManager", "CustomerManager", "Finance"),
        Rule("POST", "/api/contracts/forms/{serial}/approve", "StoreManager"),
        Rule("POST", "/api/contracts/forms/{serial}/reject", "StoreManager"),
        Rule("POST", "/api/contracts/forms/{serial}/report", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/forms/{serial}/acknowledge", "Finance"),
        Rule("POST", "/api/contracts/forms/{serial}/void", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/forms/{serial}/lost", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/requisitions/recommendation", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/requisitions", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/requisitions", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/authorisations", "ChainAdmin", "StoreManager"),
        Rule("GET", "/api/contracts/authorisations", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/authorisations/{id:guid}/revoke", "ChainAdmin", "StoreManager"),
        Rule("GET", "/api/contracts/recipients", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("POST", "/api/contracts/stock-counts", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/stock-counts", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/alerts", "ChainAdmin", "StoreManager", "CustomerManager"),
        Rule("GET", "/api/contracts/forms/export", "ChainAdmin", "StoreManager", "CustomerManager", "Finance"),
        Rule("GET", "/api/contracts/custody/export", "ChainAdmin", "StoreManager", "CustomerManager", "Finance"),
    ];

    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("contractdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() => AccessChecks.DeclaredAsInTable(_service.Services, Table);

    [Fact]
    public Task Each_role_is_admitted_or_refused_as_the_table_says() =>
        AccessChecks.EveryRoleAsInTableAsync(role => _service.ClientAs(role, Guid.NewGuid()), Table);

    [Fact]
    public Task Without_a_token_only_health_and_documents_answer() => AccessChecks.AnonymousRefusedAsync(_service.CreateClient(), Table);

    [Fact]
    public async Task Another_stores_forms_do_not_exist_for_a_store_user()
    {
        var home = Store();
        var other = Store();
        await using (var scope = _service.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContractDbContext>();
            db.Stores.AddRange(home, other);
            var by = new Person(Guid.NewGuid(), "王芳");
            db.Forms.AddRange(ContractForm.Receive(home.Id, "H-0001", by, DateTimeOffset.UtcNow).Form, ContractForm.Receive(other.Id, "O-0001", by, DateTimeOffset.UtcNow).Form);
            await db.SaveChangesAsync();
        }

        var forms = await _service.ClientAs("Finance", home.Id).GetFromJsonAsync<JsonElement>("/api/contracts/forms");
        var filtered = await _service.ClientAs("CustomerManager", home.Id).GetFromJsonAsync<JsonElement>($"/api/contracts/forms?storeId={other.Id}");

        Assert.Equal(["H-0001"], forms.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("serial").GetString()));
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_entity_with_a_store_is_filtered_to_the_callers_store()
    {
        await using var scope = _service.Services.CreateAsyncScope();
        // The staff directory alone is the chain's: finance and the chain's own staff belong to no store, and a form may go to them.
        Assert.Equal(["StaffCopy"], StoreFilterChecks.Unfiltered(scope.ServiceProvider.GetRequiredService<ContractDbContext>().Model, typeof(StoreCopy)));
    }

    private static StoreCopy Store() => StoreCopy.From<StoreCopy>(new StoreOpened
    {
        StoreId = Guid.NewGuid(), Code = "T01", Name = "Test", City = "上海", TimeZone = "Asia/Shanghai", OpenedAt = DateTimeOffset.UtcNow,
    });
}
