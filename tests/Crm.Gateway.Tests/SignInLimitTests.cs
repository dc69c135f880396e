namespace Crm.Gateway.Tests;

/// <summary>
/// A store's staff sign in from behind one address each morning: the limit is per account and address, with a higher
/// ceiling per address, so they are not locked out together; guessing one password meets the per-account limit and,
/// from any number of addresses, the account lockout.
/// </summary>
public sealed class SignInLimitTests : IAsyncLifetime
{
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayFactory.StartAsync(settings: new Dictionary<string, string>
    {
        ["RateLimits:SignInsPerMinute"] = "30",
        ["RateLimits:SignInsPerAccountPerMinute"] = "3",
    });

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    /// <summary>A sign-in as if from the given address.</summary>
    private async Task<int> SignInFromAsync(string address, string username, string password)
    {
        using var client = new HttpClient(_gateway.Server.CreateHandler(http => http.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = _gateway.Server.BaseAddress,
        };
        return (int)(await client.PostAsJsonAsync("/auth/token", new { username, password })).StatusCode;
    }

    [Fact]
    public async Task Twenty_five_staff_behind_one_address_all_sign_in()
    {
        var store = await _gateway.StoreAsync();
        var staff = new List<string>();
        for (var i = 0; i < 25; i++) staff.Add((await _gateway.StaffAsync("CustomerManager", store)).Username);

        var answers = new List<int>();
        foreach (var username in staff) answers.Add(await SignInFromAsync("203.0.113.7", username, "Staff#2026"));

        Assert.All(answers, status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task Guessing_one_password_meets_the_per_account_limit_and_from_other_addresses_the_lockout()
    {
        var store = await _gateway.StoreAsync();
        var (_, username) = await _gateway.StaffAsync("CustomerManager", store);
        var (_, colleague) = await _gateway.StaffAsync("CustomerManager", store);

        var fromOne = new List<int>();
        for (var i = 0; i < 4; i++) fromOne.Add(await SignInFromAsync("198.51.100.1", username, "Guess#" + i));
        Assert.Equal([401, 401, 401, 429], fromOne);
        // The colleague behind the same address is not held up.
        Assert.Equal(200, await SignInFromAsync("198.51.100.1", colleague, "Staff#2026"));

        // Two more guesses from elsewhere make five wrong passwords: the account is locked, whatever the address.
        Assert.Equal(401, await SignInFromAsync("198.51.100.2", username, "Guess#4"));
        Assert.Equal(401, await SignInFromAsync("198.51.100.3", username, "Guess#5"));
        Assert.Equal(401, await SignInFromAsync("198.51.100.4", username, "Staff#2026"));
    }

    [Fact]
    public async Task One_address_still_has_a_ceiling()
    {
        var answers = new List<int>();
        for (var i = 0; i < 31; i++) answers.Add(await SignInFromAsync("192.0.2.9", $"nobody{i}", "Wrong#2026"));

        Assert.Equal(30, answers.Count(a => a == 401));
        Assert.Equal(429, answers[^1]);
    }
}
