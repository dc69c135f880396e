using static Crm.Testing.EndpointAccess;

namespace Crm.Partners.Tests.Api;

/// <summary>Who may call what (domain.md §6): partners and keys for the chain administrator, leads for partners, uploads for marketing.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private static readonly EndpointRule[] Table =
    [
        .. AccessChecks.Common,
        Rule("POST", "/api/partners", "ChainAdmin"),
        Rule("GET", "/api/partners", "ChainAdmin"),
        Rule("GET", "/api/partners/{id:guid}", "ChainAdmin"),
        Rule("PUT", "/api/partners/{id:guid}", "ChainAdmin"),
        Rule("DELETE", "/api/partners/{id:guid}", "ChainAdmin"),
        Rule("POST", "/api/partners/{id:guid}/keys", "ChainAdmin"),
        Rule("GET", "/api/partners/{id:guid}/keys", "ChainAdmin"),
        Rule("DELETE", "/api/partners/{id:guid}/keys/{keyId:guid}", "ChainAdmin"),
        Rule("POST", "/api/partners/{id:guid}/webhook-secret", "ChainAdmin"),
        Rule("GET", "/api/partners/{partnerId:guid}/deliveries", "ChainAdmin"),
        Rule("GET", "/api/partners/{partnerId:guid}/deliveries/{id:guid}", "ChainAdmin"),
        Rule("POST", "/api/partners/{partnerId:guid}/deliveries/{id:guid}/replay", "ChainAdmin"),
        Rule("POST", "/api/leads", "Partner"),
        Rule("GET", "/api/leads", "ChainAdmin", "Marketing", "Partner"),
        Rule("GET", "/api/leads/{leadId:guid}", "ChainAdmin", "Marketing", "Partner"),
        Rule("POST", "/api/leads/imports", "ChainAdmin", "Marketing"),
        Rule("GET", "/api/leads/imports", "ChainAdmin", "Marketing"),
        Rule("GET", "/api/leads/imports/template", "ChainAdmin", "Marketing"),
        Rule("GET", "/api/leads/imports/{id:guid}", "ChainAdmin", "Marketing"),
        Rule("GET", "/api/leads/imports/{id:guid}/errors", "ChainAdmin", "Marketing"),
        Rule("POST", "/internal/api-keys/lookup", "Gateway"),
    ];

    private ServiceFactory<Program> _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory<Program>.StartAsync("partnerdb");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void Every_endpoint_admits_exactly_the_roles_of_the_handbook() => AccessChecks.DeclaredAsInTable(_service.Services, Table);

    [Fact]
    public Task Each_staff_role_is_admitted_or_refused_as_the_table_says() =>
        AccessChecks.EveryRoleAsInTableAsync(role => _service.ClientAs(role, Guid.NewGuid()), Table);

    [Fact]
    public Task Without_a_token_only_health_and_documents_answer() => AccessChecks.AnonymousRefusedAsync(_service.CreateClient(), Table);

    [Fact]
    public async Task A_partner_is_refused_every_staff_endpoint()
    {
        var partner = _service.CreateClient().As(TestTokens.ForPartner(Guid.CreateVersion7(), Guid.CreateVersion7()));
        foreach (var rule in Table.Where(r => r.Roles != Anonymous && !r.Roles.Split(',').Contains("Partner")))
        {
            var request = new HttpRequestMessage(new HttpMethod(rule.Method), Concrete(rule.Route));
            if (rule.Method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.SendAsync(request)).StatusCode);
        }
    }
}
