using Microsoft.Extensions.Hosting;
using static Crm.Testing.EndpointAccess;
using static Crm.Access.StaffRoles;

namespace Crm.Customers.Tests.Api;

/// <summary>Who may call what (domain.md §6). An endpoint added without a guard makes the first test fail.</summary>
public sealed class AccessTests(CustomerServiceFixture fixture) : IClassFixture<CustomerServiceFixture>
{
    private static readonly string[] StoreStaffAndDesigner = [.. StoreStaff, Designer];
    private static readonly string[] Readers = [.. StoreStaff, Designer, HomeConsultant];

    public static readonly EndpointRule[] Table =
    [
        .. AccessChecks.ShardedCommon,
        Rule("POST", "/api/stores", ChainAdmin),
        Rule("GET", "/api/stores", All),
        Rule("GET", "/api/stores/{id:guid}", All),
        Rule("POST", "/api/customers", StoreStaff),
        Rule("GET", "/api/customers", Readers),
        Rule("GET", "/api/customers/{id:guid}", Readers),
        Rule("PATCH", "/api/customers/{id:guid}", StoreStaff),
        Rule("PUT", "/api/customers/{id:guid}/consultant", StoreStaff),
        Rule("GET", "/api/customers/{id:guid}/changes", StoreStaff),
        Rule("POST", "/api/customers/{id:guid}/milestones", StoreStaffAndDesigner),
        Rule("POST", "/api/customers/{id:guid}/visits", StoreStaff),
        Rule("GET", "/api/customers/{id:guid}/timeline", Readers),
        Rule("GET", "/api/customers/registers/{register}", StoreStaff),
        Rule("GET", "/api/customers/completeness", StoreStaff),
    ];

    [Fact]
    public void Every_endpoint_reads_as_a_reference_with_a_summary_and_its_answers() => AccessChecks.EveryEndpointDocumented(fixture.Service.Services);

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() =>
        Assert.Equal(Table.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            Declared(fixture.Service.Services).Select(r => r.ToString()).Order(StringComparer.Ordinal));

    public static TheoryData<string, string, string> Calls()
    {
        var calls = new TheoryData<string, string, string>();
        foreach (var rule in Table.Where(r => r.Roles != Anonymous))
            foreach (var role in All)
                calls.Add(rule.Method, rule.Route, role);
        return calls;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Each_role_is_admitted_or_refused_as_the_table_says(string method, string route, string role)
    {
        var store = await fixture.OpenStoreAsync();
        var allowed = Table.Single(r => r.Method == method && r.Route == route).Roles.Split(',').Contains(role);
        var request = new HttpRequestMessage(new HttpMethod(method), Concrete(route));
        if (method is "POST" or "PATCH") request.Content = JsonContent.Create(new { });

        var response = await fixture.Service.ClientAs(role, store, role == Designer ? Guid.NewGuid() : null).SendAsync(request);

        if (allowed) Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        else Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_valid_token_nothing_but_health_and_documents_answers()
    {
        var anonymous = fixture.Service.CreateClient();
        foreach (var rule in Table)
        {
            var method = rule.Method == "*" ? "GET" : rule.Method;
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), Concrete(rule.Route.Replace("{documentName}", "v1"))));
            if (rule.Roles == Anonymous) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
