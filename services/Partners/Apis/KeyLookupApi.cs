namespace Crm.Partners.Apis;

/// <summary>
/// The gateway's question on a partner request it has not seen lately: whose key has this hash, and may it be used?
/// Not routed by the gateway: only the gateway's own token (role Gateway) may ask. Records when the key was used.
/// </summary>
public static class KeyLookupApi
{
    public sealed record KeyLookupRequest(string? KeyHash);

    public sealed record KeyHolder(Guid PartnerId, Guid KeyId, string PartnerName, int RequestsPerMinute);

    public static IEndpointRouteBuilder MapKeyLookupApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/internal/api-keys/lookup", Lookup).RequireRoles(PartnerAccess.GatewayRole)
            .WithSummary("For the gateway only: the partner holding the key with this SHA-256 (404 when unknown, revoked or disabled).").ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<Ok<KeyHolder>, NotFound, ValidationProblem>> Lookup(
        KeyLookupRequest request, PartnerDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.KeyHash is not { Length: 64 } hash) return Problems.Invalid("keyHash", "The SHA-256 of the key, hex.");
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (key is null) return TypedResults.NotFound();
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == key.PartnerId && p.DisabledAt == null, cancellationToken);
        if (partner is null) return TypedResults.NotFound();
        key.Used(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new KeyHolder(partner.Id, key.Id, partner.Name, partner.RequestsPerMinute));
    }
}
