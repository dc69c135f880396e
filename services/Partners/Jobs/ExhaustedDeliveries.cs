using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Partners.Jobs;

/// <summary>Webhooks that failed every attempt turn the service's health to Degraded, naming how many, for which partners, and how to send them again.</summary>
public sealed class ExhaustedDeliveries(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var exhausted = await scope.ServiceProvider.GetRequiredService<PartnerDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Exhausted).GroupBy(d => d.PartnerId).Select(g => new { Partner = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (exhausted.Count == 0) return HealthCheckResult.Healthy("No webhook gave up");
        return HealthCheckResult.Degraded(
            $"{exhausted.Sum(e => e.Count)} webhook(s) to {exhausted.Count} partner(s) failed every attempt (first partner {exhausted[0].Partner}). " +
            "Once the partner answers again, send them with POST /api/partners/{id}/deliveries/{deliveryId}/replay.");
    }
}
