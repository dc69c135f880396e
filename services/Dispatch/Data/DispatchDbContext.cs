namespace Crm.Dispatch.Data;

public sealed class DispatchDbContext(DbContextOptions<DispatchDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStoreCopies<DispatchStore>
{
    public StoreScope Scope { get; } = scope;

    public DbSet<DispatchStore> Stores => Set<DispatchStore>();
    public DbSet<DispatchSettings> Settings => Set<DispatchSettings>();
    public DbSet<SettingsChange> SettingsChanges => Set<SettingsChange>();
    public DbSet<Designer> Designers => Set<Designer>();
    public DbSet<DesignerDuty> Duties => Set<DesignerDuty>();
    public DbSet<DesignerHistory> DesignerHistory => Set<DesignerHistory>();
    public DbSet<CustomerFile> CustomerFiles => Set<CustomerFile>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<WaitingEvent> WaitingEvents => Set<WaitingEvent>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(DispatchDbContext).Assembly);
        model.AddMessagingTables();
        model.AddWaitingEvents();
        model.KeyByStoreFirst();
        model.AddStoreMoves();
        model.AddStoreScope(this, typeof(DispatchStore));
        // A designer sees only their own assignments.
        model.Entity<Assignment>().HasQueryFilter("designer", a => Scope.DesignerId == null || a.DesignerId == Scope.DesignerId);
    }

    /// <summary>
    /// Locks the store's row until the transaction ends: dispatches of one store run one at a
    /// time, so rotation and the holding cap stay exact when many customers arrive at once. NO KEY UPDATE:
    /// rows that merely refer to the store (a customer's file, a duty) may still be written meanwhile.
    /// </summary>
    public async Task<DispatchStore?> LockStoreAsync(Guid storeId, CancellationToken cancellationToken) =>
        await Stores.FromSql($"""SELECT * FROM "Stores" WHERE "Id" = {storeId} FOR NO KEY UPDATE""").SingleOrDefaultAsync(cancellationToken);
}
