using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Crm.Messaging.Tests;

/// <summary>An outbox row that cannot be published is parked with its error and holds up nothing.</summary>
public sealed class ParkedEventTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private MessagingHost _host = null!;

    public async Task InitializeAsync() => _host = await MessagingHost.StartReadyAsync("parked");

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_row_whose_type_no_longer_exists_is_parked_and_the_next_row_is_published()
    {
        // Written first, as an event of a type a later version removed.
        await _host.InScopeAsync(db => db.Database.ExecuteSqlAsync($$"""
            INSERT INTO "OutboxMessages" ("MessageId", "MessageType", "Body", "CreatedAt", "FailedAttempts")
            VALUES ({{Guid.NewGuid()}}, 'Crm.Messages.StoreRenamed', '{"storeId":"00000000-0000-0000-0000-000000000001"}', now(), 0)
            """));
        var next = MessagingHost.NewEvent();
        await _host.CommitAsync(next);

        await Eventually.Holds(async () => await _host.TimesAppliedAsync(next.StoreId) == 1, Patience, "the later event to be applied");
        var parked = await _host.InScopeAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.MessageType == "Crm.Messages.StoreRenamed"));
        Assert.NotNull(parked.ParkedAt);
        Assert.Null(parked.SentAt);
        Assert.Equal(1, parked.FailedAttempts);
        Assert.Equal("Unknown message type Crm.Messages.StoreRenamed", parked.LastError);

        var health = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "parked-events");
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith($"1 event(s) could not be published and are parked; first: #{parked.Sequence} Crm.Messages.StoreRenamed", health.Entries["parked-events"].Description);

        // Re-queued without a fix, it is tried once more and parked again.
        await using var scope = _host.Services.CreateAsyncScope();
        var (requeued, done) = await scope.ServiceProvider.GetRequiredService<IOutboxAdministration>().RequeueAsync(parked.Sequence, DatabaseShards.Home, CancellationToken.None);
        Assert.True(done);
        Assert.Equal(parked.Sequence, requeued!.Sequence);
        await Eventually.Holds(async () => await _host.InScopeAsync(db =>
            db.OutboxMessages.AsNoTracking().AnyAsync(m => m.Sequence == parked.Sequence && m.FailedAttempts == 2 && m.ParkedAt != null)), Patience, "the row to be parked again");
    }
}
