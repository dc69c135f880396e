namespace Crm.Partners.Jobs;

/// <summary>How webhooks are sent ("Webhooks" in configuration).</summary>
public sealed class WebhookOptions
{
    /// <summary>The longest a partner may take to answer one attempt; a slower one counts as failed and is tried again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often due deliveries are looked for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Partners served at once; each partner gets one delivery at a time, so a slow one holds only its own.</summary>
    public int MaxConcurrentPartners { get; set; } = 16;
    public RetrySchedule Retry { get; set; } = new();
}
