using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Messaging;

/// <summary>Parked outbox rows turn the service's health to Degraded, naming how many and the first one's error.</summary>
public sealed class ParkedMessages<TDbContext>(IServiceScopeFactory scopes) : IHealthCheck
    where TDbContext : DbContext, IMessagingDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var parked = scope.ServiceProvider.GetRequiredService<TDbContext>().OutboxMessages.AsNoTracking().Where(m => m.ParkedAt != null);
        var count = await parked.CountAsync(cancellationToken);
        if (count == 0) return HealthCheckResult.Healthy("No parked events");
        var first = await parked.OrderBy(m => m.Sequence).FirstAsync(cancellationToken);
        return HealthCheckResult.Degraded(
            $"{count} event(s) could not be published and are parked; first: #{first.Sequence} {first.MessageType}: {first.LastError}. Re-queue with POST /operations/outbox/{{sequence}}/requeue.");
    }
}
