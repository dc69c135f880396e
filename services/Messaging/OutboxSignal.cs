namespace Crm.Messaging;

/// <summary>Wakes the outbox relay as soon as something was committed, instead of at its next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up is needed: the relay drains everything when it runs.
        if (_pending.CurrentCount == 0)
        {
            try { _pending.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _pending.WaitAsync(timeout, cancellationToken);
}
