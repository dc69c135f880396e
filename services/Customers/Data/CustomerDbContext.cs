namespace Crm.Customers.Data;

public sealed class CustomerDbContext(DbContextOptions<CustomerDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStaffCopies
{
    public StoreScope Scope { get; } = scope;

    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<CustomerChange> Changes => Set<CustomerChange>();
    public DbSet<CustomerVisit> Visits => Set<CustomerVisit>();
    public DbSet<CustomerDispatch> Dispatches => Set<CustomerDispatch>();
    public DbSet<CustomerNote> Notes => Set<CustomerNote>();
    public DbSet<StaffCopy> Staff => Set<StaffCopy>();
    public DbSet<CustomerNumberCounter> CustomerNumberCounters => Set<CustomerNumberCounter>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasPostgresExtension("pg_trgm");
        model.ApplyConfigurationsFromAssembly(typeof(CustomerDbContext).Assembly);
        StaffCopy.Configure(model.Entity<StaffCopy>());
        model.AddMessagingTables();
        model.KeyByStoreFirst(typeof(PhoneClaim));
        model.AddStoreMoves();
        model.AddStoreScope(this, typeof(Store));
        // A designer sees only the customers dispatched to them.
        model.Entity<Customer>().HasQueryFilter(DesignerFilter,
            c => Scope.DesignerId == null || (c.Designer != null && c.Designer.DesignerId == Scope.DesignerId));
        // A home consultant sees only the customers they are named on.
        model.Entity<Customer>().HasQueryFilter(ConsultantFilter, c => Scope.ConsultantId == null || c.ConsultantId == Scope.ConsultantId);
    }

    public const string DesignerFilter = "designer";
    public const string ConsultantFilter = "consultant";
}
