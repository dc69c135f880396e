namespace Crm.Messaging;

/// <summary>A service database that holds the outbox and inbox tables beside its own.</summary>
public interface IMessagingDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<InboxMessage> InboxMessages { get; }
}
