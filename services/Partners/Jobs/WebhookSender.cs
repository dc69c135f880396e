using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace Crm.Partners.Jobs;

/// <summary>
/// Sends the queued webhooks (table Deliveries) in the background, never from a request. Each partner has at most
/// one delivery in flight here, each attempt is bounded by <see cref="WebhookOptions.Timeout"/>, and a failure is
/// tried again on the retry schedule; so a slow or dead endpoint delays only its own partner's webhooks. A delivery
/// is claimed by moving its next attempt past the time-out: if this instance stops mid-attempt, it is due again then.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, IOptions<WebhookOptions> options, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Looking for due webhook deliveries failed; trying again shortly.");
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task StartDueAsync(CancellationToken stoppingToken)
    {
        var room = options.Value.MaxConcurrentPartners - _inFlight.Count;
        if (room <= 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PartnerDbContext>();
        var now = clock.GetUtcNow();
        var busy = _inFlight.Keys.ToList();
        var due = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending && d.NextAttemptAt <= now && !busy.Contains(d.PartnerId))
            .OrderBy(d => d.NextAttemptAt).Take(200).Select(d => new { d.Id, d.PartnerId }).ToListAsync(stoppingToken);
        var lease = now + options.Value.Timeout + TimeSpan.FromSeconds(30);
        foreach (var next in due.DistinctBy(d => d.PartnerId).Take(room))
        {
            // Claimed only if no other instance claimed it first.
            var claimed = await db.Deliveries.Where(d => d.Id == next.Id && d.State == DeliveryState.Pending && d.NextAttemptAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.NextAttemptAt, lease), stoppingToken);
            if (claimed == 0) continue;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _inFlight[next.PartnerId] = done.Task;
            _ = Task.Run(async () =>
            {
                try { await SendAsync(next.Id, stoppingToken); }
                finally { _inFlight.TryRemove(next.PartnerId, out _); done.SetResult(); }
            }, CancellationToken.None);
        }
    }

    private async Task SendAsync(Guid deliveryId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PartnerDbContext>();
            var delivery = await db.Deliveries.FirstAsync(d => d.Id == deliveryId, stoppingToken);
            var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == delivery.PartnerId, stoppingToken);
            var started = clock.GetUtcNow();
            var (status, error) = partner is { Enabled: true, WebhookUrl: { } url, WebhookSecret: { } secret }
                ? await PostAsync(url, secret, delivery, started, stoppingToken)
                : (null, "The partner is disabled or has no webhook address.");
            var now = clock.GetUtcNow();
            db.DeliveryAttempts.Add(DeliveryAttempt.Record(delivery.Id, started, now - started, status, error));
            if (error is null) delivery.Succeeded(now);
            else delivery.Failed(error, now, options.Value.Retry);
            await db.SaveChangesAsync(CancellationToken.None);
            if (delivery.State == DeliveryState.Exhausted)
                logger.LogWarning("Webhook delivery {DeliveryId} to partner {PartnerId} exhausted its {Attempts} attempts: {Error}", delivery.Id, partner.Id, delivery.Attempts, error);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The lease runs out and the delivery is due again; nothing is lost.
            logger.LogWarning(ex, "Recording webhook delivery {DeliveryId} failed.", deliveryId);
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(string url, string secret, WebhookDelivery delivery, DateTimeOffset now, CancellationToken stoppingToken)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add("X-Delivery-Attempt", (delivery.Attempts + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.UserAgent.ParseAdd("crm-webhooks/1.0");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.Value.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"The partner answered {status} {response.ReasonPhrase}.");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"Could not reach the partner: {ex.Message} ({watch.ElapsedMilliseconds} ms).");
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }
}
