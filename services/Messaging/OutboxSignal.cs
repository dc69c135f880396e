using System.Collections.Concurrent;

namespace Crm.Messaging;

/// <summary>Wakes a shard's outbox relay as soon as something was committed there, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _pending = new(StringComparer.Ordinal);

    public void Notify(string shard = DatabaseShards.Home)
    {
        var pending = Of(shard);
        // At most one pending wake-up is needed: the relay drains everything when it runs.
        if (pending.CurrentCount == 0)
        {
            try { pending.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(string shard, TimeSpan timeout, CancellationToken cancellationToken) =>
        Of(shard).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Of(string shard) => _pending.GetOrAdd(shard, _ => new SemaphoreSlim(0, 1));
}
