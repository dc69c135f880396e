namespace Crm.Followups.Data;

public sealed class FollowupDbContext(DbContextOptions<FollowupDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStoreCopies<FollowupStore>, IStaffCopies
{
    public StoreScope Scope { get; } = scope;

    public DbSet<FollowupStore> Stores => Set<FollowupStore>();
    public DbSet<FollowUpTask> Tasks => Set<FollowUpTask>();
    public DbSet<FollowedCustomer> Customers => Set<FollowedCustomer>();
    public DbSet<FollowUpRecord> Records => Set<FollowUpRecord>();
    public DbSet<RuleRun> RuleRuns => Set<RuleRun>();
    public DbSet<StaffCopy> Staff => Set<StaffCopy>();
    public DbSet<Reassignment> Reassignments => Set<Reassignment>();
    public DbSet<CustomerProblem> Problems => Set<CustomerProblem>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public const string ConsultantFilter = "consultant";

    /// <summary>The ids of the customers a home consultant is named on: what they may read of records and problems.</summary>
    public IQueryable<Guid> CustomersOfConsultant(Guid consultant) => Customers.Where(c => c.ConsultantId == consultant).Select(c => c.Id);

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(FollowupDbContext).Assembly);
        model.AddMessagingTables();
        model.AddStoreScope(this, typeof(FollowupStore));
        // A home consultant sees only the customers they are named on.
        model.Entity<FollowedCustomer>().HasQueryFilter(ConsultantFilter, c => Scope.ConsultantId == null || c.ConsultantId == Scope.ConsultantId);
    }
}
