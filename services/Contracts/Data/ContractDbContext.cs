namespace Crm.Contracts.Data;

public sealed class ContractDbContext(DbContextOptions<ContractDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStoreCopies<StoreCopy>
{
    public StoreScope Scope { get; } = scope;

    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<ContractForm> Forms => Set<ContractForm>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ContractDbContext).Assembly);
        model.AddMessagingTables();
        model.AddStoreScope(this, typeof(StoreCopy));
    }
}
