using Crm.Gateway.Data;
using Crm.Gateway.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Gateway.Tests;

/// <summary>A sign-in's session: its refresh token fetches new access tokens until it is signed out, runs out, or the account may no longer sign in.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task A_refresh_gives_a_new_access_token_for_the_same_session()
    {
        var (_, username) = await _gateway.StaffAsync("CustomerManager", await _gateway.StoreAsync(), "Right#2026");
        var signIn = await ReadAsync(await _gateway.SignInAsync(username, "Right#2026"));

        var refreshed = await _gateway.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = signIn.GetProperty("refreshToken").GetString() });

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await ReadAsync(refreshed);
        Assert.Equal(signIn.GetProperty("refreshToken").GetString(), body.GetProperty("refreshToken").GetString());
        Assert.Equal(signIn.GetProperty("refreshExpiresAt").GetDateTimeOffset(), body.GetProperty("refreshExpiresAt").GetDateTimeOffset());
        Assert.InRange(signIn.GetProperty("refreshExpiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
        var me = await _gateway.CreateClient().As(body.GetProperty("accessToken").GetString()!).GetFromJsonAsync<JsonElement>("/api/staff/me");
        Assert.Equal(username, me.GetProperty("username").GetString());
        var session = await SessionAsync(signIn.GetProperty("refreshToken").GetString()!);
        Assert.NotNull(session.LastRefreshedAt);
        Assert.Null(session.EndedAt);
    }

    [Fact]
    public async Task A_signed_out_session_refreshes_no_more_and_keeps_its_record()
    {
        var (_, username) = await _gateway.StaffAsync("CustomerManager", await _gateway.StoreAsync(), "Right#2026");
        var refreshToken = (await ReadAsync(await _gateway.SignInAsync(username, "Right#2026"))).GetProperty("refreshToken").GetString()!;

        var signOut = await _gateway.CreateClient().PostAsJsonAsync("/auth/sign-out", new { refreshToken });
        var again = await _gateway.CreateClient().PostAsJsonAsync("/auth/sign-out", new { refreshToken });
        var refreshed = await _gateway.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken });

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (signOut.StatusCode, again.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal("application/problem+json", refreshed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("signed out", (await SessionAsync(refreshToken)).EndReason);
    }

    [Fact]
    public async Task A_disabled_account_ends_its_session_at_the_next_refresh()
    {
        var (id, username) = await _gateway.StaffAsync("Finance", await _gateway.StoreAsync(), "Right#2026");
        var refreshToken = (await ReadAsync(await _gateway.SignInAsync(username, "Right#2026"))).GetProperty("refreshToken").GetString()!;
        var disabled = await _gateway.ClientAs().PatchAsJsonAsync($"/api/staff/{id}", new { disabled = true });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var refreshed = await _gateway.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, refreshed.StatusCode);
        Assert.Equal("account disabled", (await SessionAsync(refreshToken)).EndReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-refresh-token")]
    public async Task A_malformed_refresh_token_is_a_problem_naming_it(string refreshToken)
    {
        var response = await _gateway.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken });

        await ProblemAssert.NamesFieldAsync(response, "refreshToken");
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_refused() =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await _gateway.CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken = StaffSession.TokenPrefix + "unknown" })).StatusCode);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<StaffSession> SessionAsync(string refreshToken)
    {
        await using var scope = _gateway.Services.CreateAsyncScope();
        var hash = StaffSession.Hash(refreshToken);
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().Sessions.AsNoTracking().SingleAsync(s => s.TokenHash == hash);
    }
}
