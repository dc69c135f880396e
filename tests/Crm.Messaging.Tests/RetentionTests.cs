namespace Crm.Messaging.Tests;

/// <summary>The archive keeps sent events for Messaging:Outbox:RetainDays, the inbox its rows for Messaging:Inbox:RetainDays.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private MessagingHost _host = null!;

    public async Task InitializeAsync() => _host = await MessagingHost.StartAsync(
        await TestServers.CreateDatabaseAsync("retention"), TestServers.RabbitMq, TestServers.EntityPrefix,
        new Dictionary<string, string?> { ["Messaging:Outbox:RetainDays"] = "400", ["Messaging:Inbox:RetainDays"] = "30", ["Messaging:Retention:BatchSize"] = "2" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Only_rows_older_than_their_retention_are_deleted()
    {
        // Sent 401 days ago ×3 (more than one batch), 399 days ago; pending and parked rows however old; the service's
        // own replay request, which marks that it has started before, however old.
        await _host.InScopeAsync(db => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "OutboxMessages" ("MessageId", "MessageType", "Body", "CreatedAt", "SentAt", "ParkedAt", "FailedAttempts") VALUES
              (gen_random_uuid(), 'old', 'null', now() - interval '402 days', now() - interval '401 days', NULL, 0),
              (gen_random_uuid(), 'old', 'null', now() - interval '402 days', now() - interval '401 days', NULL, 0),
              (gen_random_uuid(), 'old', 'null', now() - interval '402 days', now() - interval '401 days', NULL, 0),
              (gen_random_uuid(), 'kept', 'null', now() - interval '400 days', now() - interval '399 days', NULL, 0),
              (gen_random_uuid(), 'pending', 'null', now() - interval '900 days', NULL, NULL, 0),
              (gen_random_uuid(), 'parked', 'null', now() - interval '900 days', NULL, now() - interval '899 days', 1),
              (gen_random_uuid(), 'Crm.Messages.ArchiveReplayRequested', 'null', now() - interval '900 days', now() - interval '900 days', NULL, 0);
            INSERT INTO "InboxMessages" ("MessageId", "Consumer", "ProcessedAt") VALUES
              (gen_random_uuid(), 'old', now() - interval '31 days'),
              (gen_random_uuid(), 'kept', now() - interval '29 days');
            """));

        await _host.Services.GetRequiredService<MessagingRetention<TestDbContext>>().CleanAsync(CancellationToken.None);

        // Only the rows this test wrote: the host's own consumer records in the inbox what other tests publish meanwhile.
        string[] written = ["old", "kept", "pending", "parked", MessagingModel.ReplayRequestType];
        var outbox = await _host.InScopeAsync(db => db.OutboxMessages.Where(m => written.Contains(m.MessageType)).Select(m => m.MessageType).OrderBy(t => t).ToListAsync());
        var inbox = await _host.InScopeAsync(db => db.InboxMessages.Where(m => written.Contains(m.Consumer)).Select(m => m.Consumer).ToListAsync());
        Assert.Equal([MessagingModel.ReplayRequestType, "kept", "parked", "pending"], outbox);
        Assert.Equal(["kept"], inbox);
    }
}
