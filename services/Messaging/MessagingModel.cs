namespace Crm.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's model.</summary>
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
            // The relay reads only what is still to be sent.
            outbox.HasIndex(m => m.Sequence).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_OutboxMessages_Pending");
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("InboxMessages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(300);
        });
        return model;
    }
}
