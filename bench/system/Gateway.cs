using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Bench.System;

/// <summary>
/// One signed-in user's calls through the gateway, as the store console or a script would make them. A user signed
/// in here renews the 15-minute access token with the session's refresh token, so a run may last longer.
/// </summary>
public sealed class Gateway(HttpClient http, string token, string? refreshToken = null, DateTimeOffset? expiresAt = null)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private string _token = token;
    private DateTimeOffset? _expiresAt = expiresAt;

    public string Token => _token;

    public static async Task<Gateway> SignInAsync(Uri address, string username, string password)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };
        var response = await http.PostAsJsonAsync("/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Gateway(http, body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString(),
            body.GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>A user already signed in, by the access token the gateway gave them.</summary>
    public static Gateway WithToken(Uri address, string token) =>
        new(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) }, token);

    /// <summary>Registers a walk-in; the customer's id, or null when refused.</summary>
    public async Task<Guid?> RegisterAsync(string phone, CancellationToken cancellationToken = default)
    {
        using var request = await RequestAsync(HttpMethod.Post, "/api/customers");
        request.Content = JsonContent.Create(new { source = "WalkIn", name = "压测客户", phone });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) return null;
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("id").GetGuid();
    }

    public async Task<DateTimeOffset> RegisteredAtAsync(Guid customerId) =>
        (await GetAsync($"/api/customers/{customerId}")).GetProperty("registeredAt").GetDateTimeOffset();

    /// <summary>When the customer's first assignment was made, or null while there is none.</summary>
    public async Task<DateTimeOffset?> DispatchedAtAsync(Guid customerId)
    {
        var page = await GetAsync($"/api/dispatch/assignments?customerId={customerId}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("createdAt").GetDateTimeOffset()).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }

    /// <summary>
    /// Register → dispatched of one customer in seconds: the first assignment's time minus the registration's, both
    /// the server's clock; null when the customer is not dispatched within <paramref name="wait"/>.
    /// </summary>
    public async Task<double?> RegisterToDispatchSecondsAsync(Guid customerId, TimeSpan wait)
    {
        var registeredAt = await RegisteredAtAsync(customerId);
        DateTimeOffset? dispatchedAt = null;
        return await Figures.UntilAsync(async () => (dispatchedAt = await DispatchedAtAsync(customerId)) is not null, wait, TimeSpan.FromMilliseconds(500))
            ? (dispatchedAt!.Value - registeredAt).TotalSeconds
            : null;
    }

    /// <summary>How many assignments the user can see, every day: their store's, or the chain's for a chain administrator.</summary>
    public async Task<long> AssignmentCountAsync() => (await GetAsync("/api/dispatch/assignments?pageSize=1")).GetProperty("total").GetInt64();

    /// <summary>How many first follow-up tasks (open or done, every day) the user can see: their store's, or the chain's.</summary>
    public async Task<long> FirstFollowUpTaskCountAsync() => (await GetAsync("/api/followups/tasks?kind=FirstFollowUp&due=all&pageSize=1")).GetProperty("total").GetInt64();

    /// <summary>Sends one request; whether it succeeded, the answer's body (empty when there is none) and its status code.</summary>
    public async Task<(bool Ok, JsonElement Body, int Status)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = await RequestAsync(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.IsSuccessStatusCode, text.Length > 0 ? JsonSerializer.Deserialize<JsonElement>(text) : default, (int)response.StatusCode);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await http.SendAsync(await RequestAsync(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> UploadAsync(string path, string fileName, byte[] content)
    {
        using var request = await RequestAsync(HttpMethod.Post, path);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Content = new MultipartFormDataContent { { file, "file", fileName } };
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Upload refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpRequestMessage> RequestAsync(HttpMethod method, string path)
    {
        if (_expiresAt is { } expires && refreshToken is not null && DateTimeOffset.UtcNow > expires - RenewBefore) await RenewAsync();
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private async Task RenewAsync()
    {
        await _renewing.WaitAsync();
        try
        {
            if (DateTimeOffset.UtcNow <= _expiresAt - RenewBefore) return;
            var response = await http.PostAsJsonAsync("/auth/refresh", new { refreshToken });
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            (_token, _expiresAt) = (body.GetProperty("accessToken").GetString()!, body.GetProperty("expiresAt").GetDateTimeOffset());
        }
        finally
        {
            _renewing.Release();
        }
    }
}
