namespace Crm.Followups.Data;

public sealed class FollowupDbContext(DbContextOptions<FollowupDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(FollowupDbContext).Assembly);
        model.AddMessagingTables();
    }
}
