using System.Security.Cryptography;
using Crm.Gateway.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Gateway.Tests;

public sealed class SignInTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_username_with_control_characters_is_a_400_naming_it()
    {
        var response = await _gateway.CreateClient().PostAsJsonAsync("/auth/token", new { username = "admin\u0000", password = "x" });

        await ProblemAssert.NamesFieldAsync(response, "username");
    }

    [Fact]
    public async Task The_seeded_admin_signs_in_and_the_token_opens_the_api()
    {
        var response = await _gateway.SignInAsync("admin", GatewayFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expiresAt = body.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        var staff = await _gateway.CreateClient().As(body.GetProperty("accessToken").GetString()!).GetAsync("/api/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    public static TheoryData<string, string> BadTokens()
    {
        var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var own = ECDsa.Create();
        own.ImportPkcs8PrivateKey(Convert.FromBase64String(TestTokens.PrivateKey), out _);
        var user = Guid.NewGuid();
        var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new
        {
            sub = user, role = "ChainAdmin", iss = TestTokens.Issuer, aud = TestTokens.Audience,
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        })).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new TheoryData<string, string>
        {
            { "expired", TestTokens.Issue("ChainAdmin", null, null, user, own, TestTokens.Issuer, TestTokens.Audience, DateTime.UtcNow.AddMinutes(-5)) },
            { "wrong signature", TestTokens.Issue("ChainAdmin", null, null, user, other, TestTokens.Issuer, TestTokens.Audience, DateTime.UtcNow.AddMinutes(10)) },
            { "wrong issuer", TestTokens.Issue("ChainAdmin", null, null, user, own, "someone-else", TestTokens.Audience, DateTime.UtcNow.AddMinutes(10)) },
            { "wrong audience", TestTokens.Issue("ChainAdmin", null, null, user, own, TestTokens.Issuer, "another-api", DateTime.UtcNow.AddMinutes(10)) },
            { "alg none", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + payload + "." },
            { "garbage", "not-a-token" },
        };
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused(string what, string token)
    {
        var response = await _gateway.CreateClient().As(token).GetAsync("/api/staff");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
    }

    [Fact]
    public async Task No_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.CreateClient().GetAsync("/api/staff")).StatusCode);

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var store = await _gateway.StoreAsync();
        var (_, username) = await _gateway.StaffAsync("CustomerManager", store, "Right#2026");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.SignInAsync(username, "Wrong#2026")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.SignInAsync(username, "Right#2026")).StatusCode);
    }

    [Fact]
    public async Task Fewer_wrong_passwords_do_not_lock()
    {
        var store = await _gateway.StoreAsync();
        var (_, username) = await _gateway.StaffAsync("CustomerManager", store, "Right#2026");

        for (var i = 0; i < 4; i++) await _gateway.SignInAsync(username, "Wrong#2026");

        Assert.Equal(HttpStatusCode.OK, (await _gateway.SignInAsync(username, "Right#2026")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var store = await _gateway.StoreAsync();
        var (id, username) = await _gateway.StaffAsync("Finance", store, "Right#2026");
        await using (var scope = _gateway.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            var user = await db.Users.FindAsync(id);
            user!.Disabled = true;
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await _gateway.SignInAsync(username, "Right#2026")).StatusCode);
    }

    [Fact]
    public async Task Missing_credentials_are_a_problem_naming_the_fields()
    {
        var response = await _gateway.CreateClient().PostAsJsonAsync("/auth/token", new { username = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("username", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }
}
