using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.Testing;

/// <summary>A partner's webhook endpoint, run by the test on a free local port: it records each request and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Body, string? Signature, string? Timestamp, string? DeliveryId, string? Attempt);

    private readonly WebApplication _app;
    private readonly Func<int, Task<int>> _answer;
    private int _count;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; private set; } = "";

    private WebhookReceiver(Func<int, Task<int>> answer)
    {
        _answer = answer;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/hooks/crm", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            Requests.Enqueue(new Received(body, headers["X-Signature"], headers["X-Signature-Timestamp"], headers["X-Delivery-Id"], headers["X-Delivery-Attempt"]));
            return Results.StatusCode(await _answer(Interlocked.Increment(ref _count)));
        });
    }

    /// <summary>Starts a receiver whose answer to the n-th request (from 1) is the status the function gives.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, Task<int>> answer)
    {
        var receiver = new WebhookReceiver(answer);
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hooks/crm";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
