namespace Crm.Messaging.Tests;

/// <summary>A service's archive replayed to one subscriber: a fresh one rebuilds its state, an up-to-date one changes nothing.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MessagingHost _source = null!;
    private MessagingHost? _subscriber;

    public async Task InitializeAsync() => _source = await MessagingHost.StartReadyAsync("replay-source");

    public async Task DisposeAsync()
    {
        if (_subscriber is not null) await _subscriber.DisposeAsync();
        await _source.DisposeAsync();
    }

    [Fact]
    public async Task A_subscriber_added_later_rebuilds_its_state_from_the_archive_and_a_second_replay_changes_nothing()
    {
        var events = Enumerable.Range(0, 5).Select(_ => MessagingHost.NewEvent()).ToList();
        foreach (var opened in events)
        {
            await _source.CommitAsync(opened);
        }
        await Eventually.Holds(async () => await _source.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)) == 5, Patience, "the events to be sent");
        var messageIds = await _source.InScopeAsync(db => db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.MessageId).ToListAsync());

        // A subscriber whose queues did not exist when the events were published has heard nothing of them.
        _subscriber = await MessagingHost.StartReadyAsync("replay-subscriber");
        Assert.Equal(0, await _subscriber.InScopeAsync(db => db.AppliedStores.CountAsync(s => events.Select(e => e.StoreId).Contains(s.StoreId))));

        var archive = _source.Services.GetRequiredService<IEventArchive>();
        Assert.Equal(5, await archive.ReplayAsync(_subscriber.Name, since: null, CancellationToken.None));
        await Eventually.Holds(() => messageIds.All(id => _subscriber.Deliveries.Finished(id) == 1), Patience, "the replay to be applied");
        foreach (var opened in events) Assert.Equal(1, await _subscriber.TimesAppliedAsync(opened.StoreId));

        // Replayed again to the subscriber that is up to date: every event arrives and is skipped.
        Assert.Equal(5, await archive.ReplayAsync(_subscriber.Name, since: null, CancellationToken.None));
        await Eventually.Holds(() => messageIds.All(id => _subscriber.Deliveries.Finished(id) == 2), Patience, "the second replay to be consumed");
        foreach (var opened in events) Assert.Equal(1, await _subscriber.TimesAppliedAsync(opened.StoreId));
        Assert.Equal(5, await _subscriber.InScopeAsync(db => db.InboxMessages.CountAsync(m => messageIds.Contains(m.MessageId))));
    }

    [Fact]
    public async Task A_replay_since_a_time_sends_only_the_events_written_since()
    {
        var before = MessagingHost.NewEvent();
        await _source.CommitAsync(before);
        var after = MessagingHost.NewEvent();
        await _source.CommitAsync(after);
        await Eventually.Holds(async () => await _source.InScopeAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)) == 2, Patience, "the events to be sent");
        var since = await _source.InScopeAsync(db => db.OutboxMessages.OrderBy(m => m.Sequence).Select(m => m.CreatedAt).LastAsync());
        _subscriber = await MessagingHost.StartReadyAsync("replay-since");

        Assert.Equal(1, await _source.Services.GetRequiredService<IEventArchive>().ReplayAsync(_subscriber.Name, since, CancellationToken.None));
        await Eventually.Holds(async () => await _subscriber.TimesAppliedAsync(after.StoreId) == 1, Patience, "the later event");
        Assert.Equal(0, await _subscriber.TimesAppliedAsync(before.StoreId));
    }
}
