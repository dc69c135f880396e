namespace Crm.Partners.Handlers;

/// <summary>The chain administrator's work on partners: terms, keys, webhook secrets. Nothing is deleted; disabled and revoked stay on record.</summary>
public sealed class PartnerAdministration(PartnerDbContext db, StoreScope scope, TimeProvider clock)
{
    public async Task<Outcome<Partner>> CreateAsync(PartnerTerms terms, CancellationToken cancellationToken)
    {
        if (await db.Partners.AnyAsync(p => p.Name == terms.Name, cancellationToken))
            return Violation.Conflict("duplicate-name", $"A partner named {terms.Name} exists already.");
        var partner = Partner.Create(terms, scope.ActorName, clock.GetUtcNow());
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    public async Task<Outcome<Partner>> ChangeAsync(Guid id, PartnerTerms terms, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return Violation.NotFound("partner");
        if (await db.Partners.AnyAsync(p => p.Name == terms.Name && p.Id != id, cancellationToken))
            return Violation.Conflict("duplicate-name", $"A partner named {terms.Name} exists already.");
        partner.Apply(terms);
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    /// <summary>Disables the partner: every key is refused from the next request.</summary>
    public async Task<Outcome<Partner>> DisableAsync(Guid id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null) return Violation.NotFound("partner");
        partner.Disable(scope.ActorName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    public async Task<Outcome<(ApiKey Key, string Secret)>> IssueKeyAsync(Guid partnerId, string? label, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null) return Violation.NotFound("partner");
        if (!partner.Enabled) return Violation.Conflict("partner-disabled", "The partner is disabled: its keys are refused.");
        var issued = ApiKey.Issue(partnerId, string.IsNullOrWhiteSpace(label) ? null : label.Trim(), scope.ActorName, clock.GetUtcNow());
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    public async Task<Outcome<ApiKey>> RevokeKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.PartnerId == partnerId, cancellationToken);
        if (key is null) return Violation.NotFound("key");
        key.Revoke(scope.ActorName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task<Outcome<Partner>> RotateWebhookSecretAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null) return Violation.NotFound("partner");
        if (partner.WebhookUrl is null) return Violation.Conflict("no-webhook", "The partner has no webhook address; set one first.");
        partner.RotateWebhookSecret();
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }
}
