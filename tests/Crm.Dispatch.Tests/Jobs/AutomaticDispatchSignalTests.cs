using Crm.Dispatch.Jobs;
using Microsoft.Extensions.Options;

namespace Crm.Dispatch.Tests.Jobs;

/// <summary>One filing wakes one automatic-dispatch worker; filings while the workers are busy are kept for them.</summary>
public sealed class AutomaticDispatchSignalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(2);
    private static AutomaticDispatchSignal Signal(int workers) => new(Options.Create(new AutomaticDispatchOptions { Workers = workers }));

    [Fact]
    public async Task One_filing_wakes_one_of_the_waiting_workers()
    {
        var signal = Signal(workers: 4);
        var waiting = Enumerable.Range(0, 4).Select(_ => signal.WaitAsync(Wait, CancellationToken.None)).ToList();

        signal.Notify();
        var first = await Task.WhenAny(waiting);

        Assert.True(await first);
        var results = await Task.WhenAll(waiting);
        Assert.Equal(1, results.Count(woken => woken));
    }

    [Fact]
    public async Task Filings_while_every_worker_is_busy_are_kept_up_to_one_wake_up_per_worker()
    {
        var signal = Signal(workers: 2);
        for (var i = 0; i < 5; i++) signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
