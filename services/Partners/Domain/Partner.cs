namespace Crm.Partners.Domain;

/// <summary>
/// An integration partner: who it is, the stores it may send leads to, what its keys may do, where its webhooks
/// go and how many requests a minute it may make. Disabling a partner refuses all its keys; nothing is deleted.
/// </summary>
public sealed class Partner
{
    public const int DefaultRequestsPerMinute = 120;
    public const int MaxRequestsPerMinute = 6000;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<Guid> AllowedStores { get; private set; } = [];
    public List<string> Scopes { get; private set; } = [];
    public string? WebhookUrl { get; private set; }
    /// <summary>The shared secret webhooks are signed with; shown once when set.</summary>
    public string? WebhookSecret { get; private set; }
    public int RequestsPerMinute { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledBy { get; private set; }

    public bool Enabled => DisabledAt is null;

    public static Partner Create(PartnerTerms terms, string by, DateTimeOffset now)
    {
        var partner = new Partner { Id = Guid.CreateVersion7(), CreatedAt = now, CreatedBy = by };
        partner.Apply(terms);
        return partner;
    }

    /// <summary>Applies changed terms; a new webhook address gets a new secret (the old one cannot sign for it).</summary>
    public void Apply(PartnerTerms terms)
    {
        var newAddress = terms.WebhookUrl != WebhookUrl;
        (Name, AllowedStores, Scopes, WebhookUrl, RequestsPerMinute) =
            (terms.Name, terms.AllowedStores.Distinct().ToList(), terms.Scopes.Distinct().ToList(), terms.WebhookUrl, terms.RequestsPerMinute);
        if (WebhookUrl is null) WebhookSecret = null;
        else if (newAddress || WebhookSecret is null) RotateWebhookSecret();
    }

    public string RotateWebhookSecret() => WebhookSecret = Secrets.New("whsec_");

    public void Disable(string by, DateTimeOffset now) => (DisabledAt, DisabledBy) = (DisabledAt ?? now, DisabledBy ?? by);

    public bool MayUse(Guid storeId) => AllowedStores.Contains(storeId);

    public bool May(string scope) => Scopes.Contains(scope);
}

/// <summary>The terms a partner is given by the chain.</summary>
public sealed record PartnerTerms(string Name, IReadOnlyList<Guid> AllowedStores, IReadOnlyList<string> Scopes, string? WebhookUrl, int RequestsPerMinute);

/// <summary>What a partner's keys may do.</summary>
public static class PartnerScopes
{
    public const string SubmitLeads = "leads:write";
    public const string ReadLeads = "leads:read";
    public static readonly string[] All = [SubmitLeads, ReadLeads];
}
