namespace Crm.Partners.Apis;

/// <summary>A partner's terms as the chain administrator gives them.</summary>
public sealed record PartnerRequest(string? Name, IReadOnlyList<Guid>? AllowedStores, IReadOnlyList<string>? Scopes = null, string? WebhookUrl = null, int? RequestsPerMinute = null)
{
    public FieldErrors Validate(IReadOnlyCollection<Guid> knownStores, out PartnerTerms terms)
    {
        var errors = new FieldErrors();
        TextFields.Check(Name, "name", TextLimits.Name, required: true, "The partner's name.", errors);
        if (AllowedStores is null || AllowedStores.Count == 0) errors.Add("allowedStores", "The stores the partner may send leads to (at least one).");
        else if (AllowedStores.FirstOrDefault(s => !knownStores.Contains(s)) is var unknown && unknown != default)
            errors.Add("allowedStores", $"No store with id {unknown} (a store opened a moment ago may take a few seconds to be known here).");
        var scopes = Scopes ?? PartnerScopes.All;
        if (scopes.Count == 0 || scopes.Any(s => !PartnerScopes.All.Contains(s)))
            errors.Add("scopes", $"One or more of {string.Join(", ", PartnerScopes.All)}.");
        var url = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();
        if (url is not null && !PartnerRequests.IsWebhookUrl(url))
            errors.Add("webhookUrl", $"An absolute http or https address of at most {PartnerRequests.MaxUrlLength} characters.");
        var perMinute = RequestsPerMinute ?? Partner.DefaultRequestsPerMinute;
        if (perMinute is < 1 or > Partner.MaxRequestsPerMinute) errors.Add("requestsPerMinute", $"From 1 to {Partner.MaxRequestsPerMinute}.");
        terms = new PartnerTerms(Name?.Trim() ?? "", AllowedStores ?? [], scopes, url, perMinute);
        return errors;
    }
}

public static class PartnerRequests
{
    public const int MaxUrlLength = 500;

    public static bool IsWebhookUrl(string url) =>
        url.Length <= MaxUrlLength && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.UserInfo);
}

public sealed record NewKeyRequest(string? Label = null);

/// <summary>A partner as the chain sees it. The webhook secret is shown only in the answer that set it.</summary>
public sealed record PartnerResponse(
    Guid Id, string Name, IReadOnlyList<Guid> AllowedStores, IReadOnlyList<string> Scopes, string? WebhookUrl, int RequestsPerMinute,
    bool Enabled, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DisabledAt, string? DisabledBy, IReadOnlyList<KeyResponse> Keys, string? WebhookSecret = null)
{
    public static PartnerResponse From(Partner p, IEnumerable<ApiKey> keys, bool showSecret = false) => new(
        p.Id, p.Name, p.AllowedStores, p.Scopes, p.WebhookUrl, p.RequestsPerMinute, p.Enabled, p.CreatedAt, p.CreatedBy, p.DisabledAt, p.DisabledBy,
        keys.OrderBy(k => k.CreatedAt).Select(KeyResponse.From).ToList(), showSecret ? p.WebhookSecret : null);
}

/// <summary>A key as it is listed: its first characters to tell it apart, never the key.</summary>
public sealed record KeyResponse(Guid Id, string Hint, string? Label, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static KeyResponse From(ApiKey k) => new(k.Id, k.Hint, k.Label, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt, k.RevokedBy);
}

/// <summary>A new key, shown this once as <c>apiKey</c>: only its hash is kept.</summary>
public sealed record NewKeyResponse(Guid Id, Guid PartnerId, string ApiKey, string Hint, string? Label, DateTimeOffset CreatedAt);

public sealed record WebhookSecretResponse(Guid PartnerId, string WebhookSecret);
