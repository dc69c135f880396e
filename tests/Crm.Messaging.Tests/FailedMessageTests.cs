using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Messaging.Tests;

public sealed class FailedMessageTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MessagingHost _host = null!;

    public async Task InitializeAsync() => _host = await MessagingHost.StartReadyAsync("failed");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_error_queue_and_degrades_health()
    {
        var doomed = MessagingHost.NewEvent(StoreOpenedRecorder.Unappliable);

        await _host.InScopeAsync(async db =>
        {
            db.Publish(doomed, TimeProvider.System);
            return await db.SaveChangesAsync();
        });

        var errorQueue = _host.ConsumerQueue + "_error";
        await Eventually.Holds(async () => await BrokerQueues.MessagesInAsync(errorQueue) == 1, Patience, "the message in the error queue");
        Assert.Equal(0, await _host.TimesAppliedAsync(doomed.StoreId));
        // Other hosts of this test process publish on the same exchange: look at this message only.
        var messageId = await _host.InScopeAsync(db => db.OutboxMessages.Select(m => m.MessageId).SingleAsync());
        Assert.Equal(0, await _host.InScopeAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId)));
        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "failed-messages");
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("1 message(s) failed", health.Entries["failed-messages"].Description);
    }
}
