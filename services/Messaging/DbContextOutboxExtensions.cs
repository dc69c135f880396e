namespace Crm.Messaging;

public static class DbContextOutboxExtensions
{
    /// <summary>
    /// Queues an event in the outbox of this unit of work: it is published after, and only if,
    /// the next SaveChanges (or the surrounding transaction) commits.
    /// </summary>
    public static void Publish<T>(this IMessagingDbContext db, T message, TimeProvider clock) where T : class =>
        db.OutboxMessages.Add(OutboxMessage.For(message, clock.GetUtcNow()));
}
