namespace Crm.Contracts;

/// <summary>The contract service's settings ("Contracts" section).</summary>
public sealed class ContractOptions
{
    /// <summary>A form issued and not back after this many days is an alert (domain.md §3, retrievalDays).</summary>
    public int RetrievalDays { get; set; } = FormAlerts.DefaultRetrievalDays;
}
