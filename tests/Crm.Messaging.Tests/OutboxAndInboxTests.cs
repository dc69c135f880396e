namespace Crm.Messaging.Tests;

/// <summary>Against the real PostgreSQL and RabbitMQ that eng/test starts.</summary>
public sealed class OutboxAndInboxTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MessagingHost _host = null!;

    public async Task InitializeAsync() => _host = await MessagingHost.StartReadyAsync("outbox");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_committed_event_is_published_and_applied_once()
    {
        var opened = MessagingHost.NewEvent();

        await _host.InScopeAsync(async db =>
        {
            db.Publish(opened, TimeProvider.System);
            return await db.SaveChangesAsync();
        });

        await Eventually.Holds(async () => await _host.TimesAppliedAsync(opened.StoreId) == 1, Patience, "the event to be applied");
        var sent = await _host.InScopeAsync(db => db.OutboxMessages.Where(m => m.SentAt != null).CountAsync());
        Assert.Equal(1, sent);
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var rolledBack = MessagingHost.NewEvent();
        var committed = MessagingHost.NewEvent();

        await _host.InScopeAsync(db => db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AppliedStores.Add(new AppliedStore { StoreId = Guid.NewGuid() });
            db.Publish(rolledBack, TimeProvider.System);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        }));
        await _host.InScopeAsync(async db =>
        {
            db.Publish(committed, TimeProvider.System);
            return await db.SaveChangesAsync();
        });

        // The relay sends rows in commit order: once the later event arrived, the earlier one would have too.
        await Eventually.Holds(async () => await _host.TimesAppliedAsync(committed.StoreId) == 1, Patience, "the committed event");
        Assert.Equal(0, await _host.TimesAppliedAsync(rolledBack.StoreId));
        var bodies = await _host.InScopeAsync(db => db.OutboxMessages.Select(m => m.Body).ToListAsync());
        Assert.Single(bodies);
        Assert.Contains(committed.StoreId.ToString(), bodies[0]);
    }

    [Fact]
    public async Task A_message_delivered_twice_changes_state_once()
    {
        var opened = MessagingHost.NewEvent();
        var messageId = NewId.NextGuid();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(opened, context => context.MessageId = messageId);
        await bus.Publish(opened, context => context.MessageId = messageId);

        await Eventually.Holds(() => _host.Deliveries.Finished(messageId) == 2, Patience, "both deliveries to be consumed");
        Assert.Equal(1, await _host.TimesAppliedAsync(opened.StoreId));
        var inboxRows = await _host.InScopeAsync(db => db.InboxMessages.CountAsync(m => m.MessageId == messageId));
        Assert.Equal(1, inboxRows);
    }
}
