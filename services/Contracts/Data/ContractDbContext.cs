namespace Crm.Contracts.Data;

public sealed class ContractDbContext(DbContextOptions<ContractDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<ContractForm> Forms => Set<ContractForm>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ContractDbContext).Assembly);
        model.AddMessagingTables();
    }
}
