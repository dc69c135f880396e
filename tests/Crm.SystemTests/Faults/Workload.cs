using System.Net.Http.Headers;

namespace Crm.SystemTests.Faults;

/// <summary>
/// Store work through the gateway while a fault happens: customer managers of two stores register
/// customers and, for each customer registered a moment before, record a measurement, a follow-up,
/// and receive and issue a contract form to the customer's designer. Every request is written in the
/// <see cref="Ledger"/> before it is sent and marked when the answer is 2xx; a failed request is not
/// repeated (the fault tests count what was acknowledged, not what a client retried).
/// </summary>
public sealed class Workload : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);
    private readonly Ledger _ledger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];

    private Workload(Ledger ledger) => _ledger = ledger;

    /// <summary>Starts <paramref name="workersPerStore"/> workers for each of the demo stores' customer managers.</summary>
    public static async Task<Workload> StartAsync(SystemFixture system, Ledger ledger, int workersPerStore = 2)
    {
        var workload = new Workload(ledger);
        foreach (var username in new[] { "sh01.cm", "sh02.cm" })
        {
            var token = await system.TokenAsync(username, "Store#2026");
            for (var i = 0; i < workersPerStore; i++)
            {
                var client = new HttpClient { BaseAddress = system.App.GetEndpoint("gateway", "http"), Timeout = RequestTimeout };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                workload._workers.Add(Task.Run(() => workload.WorkAsync(client)));
            }
        }
        return workload;
    }

    /// <summary>Stops the workers after their current request.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        await Task.WhenAll(_workers);
    }

    private async Task WorkAsync(HttpClient client)
    {
        using var _ = client;
        Guid? previous = null;
        while (!_stop.IsCancellationRequested)
        {
            var registered = await RegisterAsync(client);
            if (previous is { } customer)
            {
                await MeasureAsync(client, customer);
                await FollowUpAsync(client, customer);
                await IssueFormAsync(client, customer);
            }
            previous = registered;
        }
    }

    private async Task<Guid?> RegisterAsync(HttpClient client)
    {
        var phone = $"{_ledger.PhonePrefix}{_ledger.NextNumber():D4}";
        _ledger.Registrations[phone] = null;
        var (ok, body) = await SendAsync(client, HttpMethod.Post, "/api/customers", new { source = "WalkIn", name = "故障测试", phone });
        if (!ok) return null;
        var id = body.GetProperty("id").GetGuid();
        _ledger.Registrations[phone] = id;
        return id;
    }

    private async Task MeasureAsync(HttpClient client, Guid customer)
    {
        _ledger.Milestones[customer] = false;
        var (ok, _) = await SendAsync(client, HttpMethod.Post, $"/api/customers/{customer}/milestones", new { type = "Measured" });
        if (ok) _ledger.Milestones[customer] = true;
    }

    private async Task FollowUpAsync(HttpClient client, Guid customer)
    {
        var tag = $"{_ledger.FollowUpPrefix}{_ledger.NextNumber()}";
        _ledger.FollowUps[tag] = (customer, null);
        var (ok, body) = await SendAsync(client, HttpMethod.Post, "/api/followups",
            new { customerId = customer, purpose = "量房后回访", form = "Phone", content = tag, summary = "量房后回访" });
        if (ok) _ledger.FollowUps[tag] = (customer, body.GetProperty("id").GetGuid());
    }

    private async Task IssueFormAsync(HttpClient client, Guid customer)
    {
        var (found, customerBody) = await SendAsync(client, HttpMethod.Get, $"/api/customers/{customer}", null);
        if (!found || customerBody.GetProperty("designer").ValueKind != JsonValueKind.Object) return;
        var designerId = customerBody.GetProperty("designer").GetProperty("designerId").GetGuid();

        var serial = $"{_ledger.SerialPrefix}{_ledger.NextNumber():D6}";
        _ledger.Forms[serial] = (false, false);
        var (received, _) = await SendAsync(client, HttpMethod.Post, "/api/contracts/forms/receive", new { fromSerial = serial, toSerial = serial });
        if (!received) return;
        _ledger.Forms[serial] = (true, false);
        var (issued, _) = await SendAsync(client, HttpMethod.Post, $"/api/contracts/forms/{serial}/issue", new { designerId, customerId = customer });
        if (issued) _ledger.Forms[serial] = (true, true);
    }

    private async Task<(bool Ok, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await client.SendAsync(request);
            _ledger.Answers.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (!response.IsSuccessStatusCode) return (false, default);
            return (true, await response.Content.ReadFromJsonAsync<JsonElement>());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            // No answer: the request may or may not have been applied; it is not counted as acknowledged.
            _ledger.Answers.AddOrUpdate(0, 1, (_, n) => n + 1);
            return (false, default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
