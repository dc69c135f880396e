using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Crm.SystemTests.Faults;
using Xunit.Abstractions;

namespace Crm.SystemTests.Fuzz;

/// <summary>
/// Bad input to every operation of every OpenAPI document the gateway serves, generated from the documents
/// (<see cref="BadRequests"/>), plus the wrong credentials for each: a partner key on staff routes, a staff
/// token on the partner's route, none at all. Never a 5xx, every refusal a problem document, no bad write
/// accepted, and the databases unchanged afterwards.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class FuzzTests(SystemFixture system, ITestOutputHelper output)
{
    // The documents the gateway serves at /openapi/{name}.json and lists at /docs: its own (v1) and each service's.
    private static readonly string[] Documents = ["v1", "customers", "dispatch", "contracts", "followups", "reports", "partners"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Bad_input_to_every_endpoint_is_a_problem_never_a_server_error_and_changes_nothing()
    {
        var operations = new List<ApiOperation>();
        foreach (var document in Documents)
            operations.AddRange(ApiOperation.Read(document, await system.Anonymous().GetFromJsonAsync<JsonElement>($"/openapi/{document}.json")));
        var partner = await PartnerClientAsync();
        var storeStaff = await system.SignInAsync("sh01.cm", "Store#2026");
        var anonymous = system.Anonymous();
        var requests = operations.SelectMany(o => BadRequests.For(o).Select(r => (Client: ClientFor(o, partner), Request: r)))
            .Concat(operations.Where(o => !IsPartnerRoute(o)).Select(o => (Client: partner, Request: Plausible(o, "a partner key on a staff route"))))
            .Concat(operations.Where(IsPartnerRoute).Select(o => (Client: storeStaff, Request: Plausible(o, "a store's staff token on the partner route"))))
            .Concat(operations.Where(o => !o.Path.StartsWith("/auth/", StringComparison.Ordinal)).Select(o => (Client: anonymous, Request: Plausible(o, "no credentials"))))
            .ToList();

        var before = await QuietSnapshotAsync();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (item, cancellationToken) =>
        {
            using var message = item.Request.ToMessage();
            using var response = await item.Client.SendAsync(message, cancellationToken);
            var status = (int)response.StatusCode;
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500) failures.Add($"{item.Request}: {status} {await Excerpt(response)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{item.Request}: {status} without a problem document");
            else if (status < 400 && item.Request.Operation.Method != "GET")
                failures.Add($"{item.Request}: accepted with {status}");
        });
        var after = await QuietSnapshotAsync();

        output.WriteLine($"{operations.Count} operations in {Documents.Length} documents, {requests.Count} bad requests; answers: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(operations.Count >= 100, $"Only {operations.Count} operations were found in the documents.");
        Assert.True(failures.IsEmpty, $"{failures.Count} answers broke the rules:\n" + string.Join("\n", failures.OrderByDescending(f => f.Contains(": 5")).ThenBy(f => f).Take(80)));
        Assert.Empty(DatabaseSnapshot.Differences(before, after));
    }

    private static bool IsPartnerRoute(ApiOperation operation) => operation.Path.StartsWith("/api/leads", StringComparison.Ordinal);

    private HttpClient ClientFor(ApiOperation operation, HttpClient partner) =>
        IsPartnerRoute(operation) && operation.Method == "POST" ? partner : system.Gateway;

    private static BadRequest Plausible(ApiOperation operation, string what)
    {
        var path = BadRequests.For(operation).FirstOrDefault(r => r.What.StartsWith("path ", StringComparison.Ordinal))?.Path ?? operation.Path;
        var body = operation.Body is { } schema ? SchemaValues.Plausible(schema)?.ToJsonString() : null;
        return new BadRequest(operation, what, path, body);
    }

    /// <summary>A partner of the demo stores with a key that may send leads.</summary>
    private async Task<HttpClient> PartnerClientAsync()
    {
        var stores = (await system.Gateway.GetFromJsonAsync<JsonElement>("/api/stores")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray();
        var created = await system.Gateway.PostAsJsonAsync("/api/partners", new { name = $"模糊测试 {Guid.NewGuid():N}"[..20], allowedStores = stores, scopes = new[] { "leads:write", "leads:read" } });
        created.EnsureSuccessStatusCode();
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var key = await system.Gateway.PostAsJsonAsync($"/api/partners/{partnerId}/keys", new { });
        key.EnsureSuccessStatusCode();
        var client = system.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString());
        return client;
    }

    /// <summary>The databases once nothing is left to deliver and two fingerprints in a row agree.</summary>
    private async Task<IReadOnlyDictionary<string, string>> QuietSnapshotAsync()
    {
        var servers = new Servers(system);
        var counter = new EffectCounter(system, servers);
        IReadOnlyDictionary<string, string>? last = null;
        return await Eventually.Returns(async () =>
        {
            foreach (var database in new[] { "customerdb", "dispatchdb", "contractdb", "followupdb", "reportdb", "partnerdb", "gatewaydb" })
                if (await counter.OutboxBacklogAsync(database) > 0) return null;
            if ((await servers.QueueDepthsAsync()).Values.Any(v => v > 0)) return null;
            var snapshot = await DatabaseSnapshot.TakeAsync(system);
            var settled = last is not null && !DatabaseSnapshot.Differences(last, snapshot).Any();
            last = snapshot;
            return settled ? snapshot : null;
        }, Patience, "the installation to be quiet");
    }

    private static async Task<string> Excerpt(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 300 ? text[..300] : text;
    }
}
