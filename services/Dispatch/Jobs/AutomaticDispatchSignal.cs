using Microsoft.Extensions.Options;

namespace Crm.Dispatch.Jobs;

/// <summary>
/// Wakes one automatic-dispatch worker per customer filed, instead of at their next poll: one filing needs
/// one worker, and waking them all only had the rest look for work and find none. A filing while every
/// worker is busy is kept (up to one wake-up per worker), so it is not missed.
/// </summary>
public sealed class AutomaticDispatchSignal
{
    private readonly SemaphoreSlim _wakeUps = new(0, int.MaxValue);
    private readonly int _pendingAtMost;

    public AutomaticDispatchSignal(IOptions<AutomaticDispatchOptions> options) =>
        _pendingAtMost = Math.Max(1, options.Value.Workers);

    public void Notify()
    {
        // A woken worker dispatches every store it can claim before it sleeps again: more wake-ups than workers add nothing.
        if (_wakeUps.CurrentCount < _pendingAtMost) _wakeUps.Release();
    }

    /// <summary>Waits for a wake-up; false when <paramref name="timeout"/> passed without one.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakeUps.WaitAsync(timeout, cancellationToken);
}
