namespace Crm.Messaging;

/// <summary>How often a failing message is tried again before it goes to its _error queue.</summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 5;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan IntervalDelta { get; set; } = TimeSpan.FromMilliseconds(400);

    public void Apply(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Exponential(Limit, MinInterval, MaxInterval, IntervalDelta));
}
