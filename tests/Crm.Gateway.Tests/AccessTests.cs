using Microsoft.Extensions.Hosting;
using static Crm.Testing.EndpointAccess;
using static Crm.Access.StaffRoles;

namespace Crm.Gateway.Tests;

/// <summary>
/// Who may call the gateway's own endpoints; proxied routes need a signed-in caller here and the
/// services check roles again. An endpoint added without a guard makes the first test fail.
/// </summary>
public sealed class AccessTests : IAsyncLifetime
{
    private const string SignedIn = "signed-in";
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static readonly EndpointRule[] Table =
    [
        Rule("*", "/alive"),
        Rule("*", "/health"),
        Rule("GET", "/openapi/{documentName}.json"),
        Rule("GET", "/docs/{documentName?}"),
        Rule("GET", "/docs/favicon.svg"),
        Rule("GET", "/docs/scalar.aspnetcore.js"),
        Rule("GET", "/docs/scalar.js"),
        Rule("POST", "/auth/token"),
        Rule("POST", "/auth/refresh"),
        Rule("POST", "/auth/sign-out"),
        Rule("GET", "/api/staff/me", All),
        Rule("POST", "/api/staff", ChainAdmin, StoreManager),
        Rule("GET", "/api/staff", ChainAdmin, StoreManager),
        Rule("GET", "/api/staff/{id:guid}", ChainAdmin, StoreManager),
        Rule("PATCH", "/api/staff/{id:guid}", ChainAdmin, StoreManager),
        Rule("GET", "/api/audit", ChainAdmin, StoreManager),
        .. AccessChecks.Operations("/api/operations/gateway"),
        new("*", "/api/customers/{**rest}", SignedIn),
        new("*", "/api/stores/{**rest}", SignedIn),
        new("*", "/api/reports/{**rest}", SignedIn),
        new("*", "/api/dispatch/{**rest}", SignedIn),
        new("*", "/api/contracts/{**rest}", SignedIn),
        new("*", "/api/followups/{**rest}", SignedIn),
        new("*", "/api/partners/{**rest}", SignedIn),
        new("*", "/api/leads/{**rest}", SignedIn),
        new("*", "/api/operations/customers/{**rest}", SignedIn),
        new("*", "/api/operations/dispatch/{**rest}", SignedIn),
        new("*", "/api/operations/contracts/{**rest}", SignedIn),
        new("*", "/api/operations/followups/{**rest}", SignedIn),
        new("*", "/api/operations/reports/{**rest}", SignedIn),
        new("*", "/api/operations/partners/{**rest}", SignedIn),
        Rule("GET", "/openapi/customers.json"),
        Rule("GET", "/openapi/dispatch.json"),
        Rule("GET", "/openapi/contracts.json"),
        Rule("GET", "/openapi/followups.json"),
        Rule("GET", "/openapi/reports.json"),
        Rule("GET", "/openapi/partners.json"),
        // Paths of the API that no operation has: a 404 problem for a signed-in caller, never a page of the console.
        new("*", "/api/{**rest}", SignedIn),
        new("*", "/auth/{**rest}", SignedIn),
        new("*", "/openapi/{**rest}", SignedIn),
        // The store console: its pages sign their users in themselves, and call the API with the users' own tokens.
        Rule("*", "/{**rest}"),
    ];

    [Fact]
    public void Every_endpoint_reads_as_a_reference_with_a_summary_and_its_answers() => AccessChecks.EveryEndpointDocumented(_gateway.Services);

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() =>
        Assert.Equal(Table.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            Declared(_gateway.Services).Select(r => r.ToString()).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Each_role_is_admitted_or_refused_as_the_table_says()
    {
        var store = await _gateway.StoreAsync();
        foreach (var rule in Table.Where(r => r.Roles != Anonymous && r.Roles != SignedIn))
        {
            foreach (var role in All)
            {
                var request = new HttpRequestMessage(new HttpMethod(rule.Method), Concrete(rule.Route));
                if (rule.Method is "POST" or "PATCH" or "PUT") request.Content = JsonContent.Create(new { });
                var response = await _gateway.ClientAs(role, store).SendAsync(request);
                if (rule.Roles.Split(',').Contains(role)) Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
                else Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{rule.Method} {rule.Route} as {role}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task A_store_manager_manages_the_staff_of_their_own_store_only()
    {
        var home = await _gateway.StoreAsync();
        var other = await _gateway.StoreAsync();
        var (foreignId, _) = await _gateway.StaffAsync("CustomerManager", other);
        var manager = _gateway.ClientAs("StoreManager", home);

        var intoOther = await manager.PostAsJsonAsync("/api/staff", new { username = "x.other", password = "Staff#2026", displayName = "x", role = "CustomerManager", storeId = other });
        var admin = await manager.PostAsJsonAsync("/api/staff", new { username = "x.admin", password = "Staff#2026", displayName = "x", role = "ChainAdmin" });
        var own = await manager.PostAsJsonAsync("/api/staff", new { username = $"x.own.{Guid.NewGuid():N}"[..20], password = "Staff#2026", displayName = "x", role = "Finance" });
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/staff");
        var foreign = await manager.GetAsync($"/api/staff/{foreignId}");

        Assert.Equal(HttpStatusCode.BadRequest, intoOther.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(home, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storeId").GetGuid());
        Assert.All(list.GetProperty("items").EnumerateArray(), s => Assert.Equal(home, s.GetProperty("storeId").GetGuid()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var others = await _gateway.ClientAs().GetFromJsonAsync<JsonElement>($"/api/staff?storeId={other}");
        Assert.Equal(1, others.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_accounts_need_a_valid_role_store_and_password()
    {
        var response = await _gateway.ClientAs().PostAsJsonAsync("/api/staff",
            new { username = "nobody", password = "short", displayName = "x", role = "Janitor", storeId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
    }
}
