namespace Crm.Messaging;

/// <summary>Doubling delay between failed attempts, capped, reset by a success.</summary>
public sealed class Backoff(TimeSpan min, TimeSpan max)
{
    private int _failures;

    public TimeSpan NextDelay()
    {
        var factor = Math.Pow(2, Math.Min(_failures, 16));
        _failures++;
        var delay = TimeSpan.FromTicks((long)Math.Min(min.Ticks * factor, max.Ticks));
        return delay;
    }

    public void Reset() => _failures = 0;
}
