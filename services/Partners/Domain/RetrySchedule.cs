namespace Crm.Partners.Domain;

/// <summary>
/// When a failed webhook is tried again: the wait doubles from <see cref="First"/> up to <see cref="Longest"/>, for
/// <see cref="Attempts"/> attempts in all. The defaults (30 s doubling to 8 h, 13 attempts) make the last attempt
/// about 24 h 31 min after the first, so a partner down for a day loses nothing.
/// </summary>
public sealed class RetrySchedule
{
    public TimeSpan First { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan Longest { get; set; } = TimeSpan.FromHours(8);
    public int Attempts { get; set; } = 13;

    /// <summary>The wait after the given failed attempt (1 for the first), or null when it was the last.</summary>
    public TimeSpan? WaitAfter(int attempt)
    {
        if (attempt >= Attempts) return null;
        var doubled = First.Ticks * Math.Pow(2, attempt - 1);
        return doubled >= Longest.Ticks ? Longest : TimeSpan.FromTicks((long)doubled);
    }

    /// <summary>From the first attempt to the last, if every one fails.</summary>
    public TimeSpan Span => Enumerable.Range(1, Attempts - 1).Aggregate(TimeSpan.Zero, (sum, n) => sum + WaitAfter(n)!.Value);
}
