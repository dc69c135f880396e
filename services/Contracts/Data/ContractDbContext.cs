namespace Crm.Contracts.Data;

public sealed class ContractDbContext(
    DbContextOptions<ContractDbContext> options, StoreScope scope, TimeProvider? clock = null, Microsoft.Extensions.Options.IOptions<ContractOptions>? contractOptions = null)
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

    /// <summary>Every move of a form is announced in the same unit of work as its ledger line.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var retrievalDays = contractOptions?.Value.RetrievalDays ?? FormAlerts.DefaultRetrievalDays;
        var moves = ChangeTracker.Entries<CustodyEntry>().Where(e => e.State == EntityState.Added && e.Entity.IsMove).Select(e => e.Entity).ToList();
        foreach (var move in moves)
        {
            var form = ChangeTracker.Entries<ContractForm>().Select(f => f.Entity).Single(f => f.Serial == move.Serial);
            OutboxMessages.Add(OutboxMessage.For(form.Moved(move, retrievalDays), now));
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ContractDbContext).Assembly);
        model.AddMessagingTables();
        model.KeyByStoreFirst();
        model.AddStoreMoves();
        model.AddStoreScope(this, typeof(StoreCopy));
    }

    /// <summary>Takes the form's row lock for the rest of the transaction: moves of one form happen one after another.</summary>
    public async Task<ContractForm?> LockFormAsync(string serial, CancellationToken cancellationToken) =>
        await Forms.FromSql($"""SELECT * FROM "Forms" WHERE "Serial" = {serial} FOR UPDATE""").SingleOrDefaultAsync(cancellationToken);
}
