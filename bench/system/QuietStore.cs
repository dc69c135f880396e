using System.Diagnostics;

namespace Crm.Bench.System;

/// <summary>
/// A quiet store's front desk: registers a walk-in every <see cref="Interval"/> and afterwards reads when each
/// was dispatched. Register → dispatched is the assignment's time minus the registration's, both the server's clock.
/// </summary>
public sealed class QuietStore(Gateway desk, string phonePrefix)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly List<Guid> _registered = [];
    private int _refused;
    private int _next;

    public int Refused => _refused;

    /// <summary>Registers at the interval until <paramref name="stop"/> is cancelled.</summary>
    public async Task RegisterUntilAsync(CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            var phone = $"{phonePrefix}{_next++:D4}";
            if (await desk.RegisterAsync(phone) is { } customer) _registered.Add(customer);
            else _refused++;
            var due = Interval * _next - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due, stop).ContinueWith(_ => { });
        }
    }

    /// <summary>Register → dispatched of every customer registered, in seconds; a customer not dispatched within two minutes counts as missing.</summary>
    public async Task<(List<double> Seconds, int Missing)> LatenciesAsync()
    {
        var seconds = new List<double>();
        var missing = 0;
        foreach (var id in _registered)
        {
            if (await desk.RegisterToDispatchSecondsAsync(id, TimeSpan.FromMinutes(2)) is { } latency) seconds.Add(latency);
            else missing++;
        }
        return (seconds, missing);
    }
}
