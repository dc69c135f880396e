namespace Crm.Contracts.Data;

public sealed class ContractDbContext(DbContextOptions<ContractDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStoreCopies<StoreCopy>, IStaffCopies
{
    public const int SerialLength = 30;

    public StoreScope Scope { get; } = scope;

    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<ContractForm> Forms => Set<ContractForm>();
    /// <summary>Append-only: lines are added, never changed or removed.</summary>
    public DbSet<CustodyEntry> Custody => Set<CustodyEntry>();
    public DbSet<RecipientAuthorisation> Authorisations => Set<RecipientAuthorisation>();
    public DbSet<Requisition> Requisitions => Set<Requisition>();
    /// <summary>The chain's staff, as the gateway announced them; not a store's own data, so not filtered by store.</summary>
    public DbSet<StaffCopy> Staff => Set<StaffCopy>();
    public DbSet<DesignerCopy> Designers => Set<DesignerCopy>();
    public DbSet<CustomerCopy> Customers => Set<CustomerCopy>();
    public DbSet<Signing> Signings => Set<Signing>();
    public DbSet<StockCount> StockCounts => Set<StockCount>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ContractDbContext).Assembly);
        model.AddMessagingTables();
        model.AddStoreScope(this, typeof(StoreCopy));
    }

    /// <summary>Takes the form's row lock for the rest of the transaction: moves of one form happen one after another.</summary>
    public async Task<ContractForm?> LockFormAsync(string serial, CancellationToken cancellationToken) =>
        await Forms.FromSql($"""SELECT * FROM "Forms" WHERE "Serial" = {serial} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken);
}
