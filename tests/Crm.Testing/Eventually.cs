namespace Crm.Testing;

/// <summary>Waits for a condition with a deadline, instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static async Task<T> Returns<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task Holds(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        await Returns<object>(async () => await condition() ? new object() : null, timeout, what);
    }

    public static Task Holds(Func<bool> condition, TimeSpan timeout, string what) =>
        Holds(() => Task.FromResult(condition()), timeout, what);
}
