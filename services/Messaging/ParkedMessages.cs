using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Messaging;

/// <summary>Parked outbox rows turn the service's health to Degraded, naming how many and the first one's error.</summary>
public sealed class ParkedMessages<TDbContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TDbContext : DbContext, IMessagingDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var route = scope.ServiceProvider.GetRequiredService<ShardRoute>();
        var count = 0;
        string? first = null;
        foreach (var shard in route.Shards.Names)
        {
            route.Use(db, shard);
            var parked = db.OutboxMessages.AsNoTracking().Where(m => m.ParkedAt != null);
            var here = await parked.CountAsync(cancellationToken);
            if (here == 0) continue;
            count += here;
            if (first is null)
            {
                var row = await parked.OrderBy(m => m.Sequence).FirstAsync(cancellationToken);
                first = $"#{row.Sequence}{OutboxAdministration.ShardQuery(shard)} {row.MessageType}: {row.LastError}";
            }
        }
        if (count == 0) return HealthCheckResult.Healthy("No parked events");
        return HealthCheckResult.Degraded(
            $"{count} event(s) could not be published and are parked; first: {first}. Re-queue with POST /operations/outbox/{{sequence}}/requeue.");
    }
}
