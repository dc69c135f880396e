namespace Crm.Messaging;

public static class MessagingModel
{
    /// <summary>The message type of the request a service sends on its first start (<see cref="ArchiveReplayOnFirstStart{TDbContext}"/>).</summary>
    public static readonly string ReplayRequestType = typeof(ArchiveReplayRequested).FullName!;

    /// <summary>
    /// Adds the outbox (pending events and the event archive) and inbox tables to a service's model, and the store
    /// directory (used in the home database only).
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("OutboxMessages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
            // The relay reads only what is still to be sent and not parked.
            outbox.HasIndex(m => m.Sequence).HasFilter("\"SentAt\" IS NULL AND \"ParkedAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
            // Retention and replay read the archive by age.
            outbox.HasIndex(m => m.SentAt).HasFilter("\"SentAt\" IS NOT NULL").HasDatabaseName("IX_OutboxMessages_Archive");
            outbox.HasIndex(m => m.ParkedAt).HasFilter("\"ParkedAt\" IS NOT NULL").HasDatabaseName("IX_OutboxMessages_Parked");
            // A service's own replay request marks that it has started before: found at once, and kept by retention.
            outbox.HasIndex(m => m.MessageType).HasFilter($"\"MessageType\" = '{ReplayRequestType}'").HasDatabaseName("IX_OutboxMessages_ReplayRequests");
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
            inbox.Property(m => m.HandledBy).HasMaxLength(ServiceInstance.MaxLength);
            inbox.HasIndex(m => m.ProcessedAt);
        });
        model.Entity<StorePlacement>(placement =>
        {
            placement.ToTable("StorePlacements");
            placement.HasKey(p => p.StoreId);
            placement.Property(p => p.Shard).HasMaxLength(StorePlacement.MaxShardLength);
        });
        return model;
    }

    /// <summary>Adds the waiting events (<see cref="WaitingEvents{TDbContext}"/>) to a service's model.</summary>
    public static ModelBuilder AddWaitingEvents(this ModelBuilder model) => model.Entity<WaitingEvent>(waiting =>
    {
        waiting.ToTable("WaitingEvents");
        waiting.HasKey(w => w.Id);
        waiting.HasIndex(w => w.WaitsFor);
        waiting.Property(w => w.WaitsFor).HasMaxLength(60);
        waiting.Property(w => w.MessageType).HasMaxLength(200);
        waiting.Property(w => w.Body).HasColumnType("jsonb");
    });

    /// <summary>
    /// Adds the messages kept while a store moves between shards (<see cref="MovingStoreMessage"/>) to the model of a
    /// service whose stores may be spread over shards; the rows live in its home database.
    /// </summary>
    public static ModelBuilder AddStoreMoves(this ModelBuilder model) => model.Entity<MovingStoreMessage>(parked =>
    {
        parked.ToTable("MovingStoreMessages");
        parked.HasKey(m => m.Id);
        parked.HasIndex(m => new { m.StoreId, m.MessageId, m.Consumer }).IsUnique();
        parked.Property(m => m.Consumer).HasMaxLength(300);
        parked.Property(m => m.InputAddress).HasMaxLength(500);
        parked.Property(m => m.MessageType).HasMaxLength(200);
        parked.Property(m => m.Body).HasColumnType("jsonb");
    });
}
