namespace Crm.Messaging.Tests;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_up_to_the_cap_and_start_over_after_a_success()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

        Assert.Equal([1, 2, 4, 5, 5], Enumerable.Range(0, 5).Select(_ => backoff.NextDelay().TotalSeconds));
        backoff.Reset();
        Assert.Equal(1, backoff.NextDelay().TotalSeconds);
    }
}
