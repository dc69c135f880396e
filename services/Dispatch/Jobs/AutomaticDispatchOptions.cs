namespace Crm.Dispatch.Jobs;

/// <summary>Configuration section "Dispatch:Automatic".</summary>
public sealed class AutomaticDispatchOptions
{
    /// <summary>Stores dispatched side by side by one instance: a busy store takes one worker, the others serve the rest.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>At most this many customers of one store per turn, so the store's lock is held briefly and other work on it goes on.</summary>
    public int BatchSize { get; set; } = 25;

    /// <summary>Looked for without a wake-up this often: another instance's filings, and anything a missed signal left.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
