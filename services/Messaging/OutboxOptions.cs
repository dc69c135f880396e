namespace Crm.Messaging;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for pending rows when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 200;
    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How long one batch may go on publishing before the relay counts as stuck (<see cref="OutboxRelayWatch"/>).</summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How long sent rows stay in the event archive for replay ("Messaging:Outbox:RetainDays").</summary>
    public int RetainDays { get; set; } = 400;
    /// <summary>Fault tests only: see <see cref="RelayCrashSwitch"/>.</summary>
    public string? CrashAfterConfirmFile { get; set; }
    /// <summary>
    /// The proof that the fault tests need the outbox, never for use: each event is published once, right after
    /// its commit, and dropped when that publish fails — what a service without an outbox does.
    /// </summary>
    public bool Bypass { get; set; }
}

public sealed class InboxOptions
{
    /// <summary>How long a consumer remembers the messages it applied ("Messaging:Inbox:RetainDays"): a replay within it is harmless.</summary>
    public int RetainDays { get; set; } = 30;
    /// <summary>The proof that the fault tests need the inbox, never for use: every delivery of a message is applied, copies too.</summary>
    public bool Bypass { get; set; }
}

public sealed class RetentionOptions
{
    /// <summary>How often old archive and inbox rows are deleted.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Rows deleted per statement, so that a cleanup never holds long locks.</summary>
    public int BatchSize { get; set; } = 1000;
}
