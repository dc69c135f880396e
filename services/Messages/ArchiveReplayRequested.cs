namespace Crm.Messages;

/// <summary>
/// A service asks every other service to send it their event archives (sent outbox rows) in order, to
/// its own replay queue: on its first start, so that it hears what was announced before its queues
/// existed, or when an operator rebuilds it. Every service answers; the subscriber's inbox drops what it
/// has already applied. For every service (Crm.Messaging).
/// </summary>
public sealed record ArchiveReplayRequested
{
    /// <summary>The subscriber's queue prefix (its service name): the archive goes to "{Subscriber}-replay".</summary>
    public required string Subscriber { get; init; }
    /// <summary>Only events written since then; the whole archive when absent.</summary>
    public DateTimeOffset? Since { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}
