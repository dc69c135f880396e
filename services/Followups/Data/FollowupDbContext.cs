namespace Crm.Followups.Data;

public sealed class FollowupDbContext(DbContextOptions<FollowupDbContext> options, StoreScope scope, TimeProvider? clock = null)
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
    public DbSet<WaitingEvent> WaitingEvents => Set<WaitingEvent>();

    public const string ConsultantFilter = "consultant";

    /// <summary>The ids of the customers a home consultant is named on: what they may read of records and problems.</summary>
    public IQueryable<Guid> CustomersOfConsultant(Guid consultant) => Customers.Where(c => c.ConsultantId == consultant).Select(c => c.Id);

    /// <summary>Every change of a task is announced in the same unit of work, whichever rule or request made it.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var changed = ChangeTracker.Entries<FollowUpTask>().Where(e => e.State == EntityState.Added
            || e.State == EntityState.Modified && (e.Property(t => t.AssigneeId).IsModified || e.Property(t => t.CompletedAt).IsModified || e.Property(t => t.ClosedAt).IsModified)).ToList();
        foreach (var entry in changed)
            OutboxMessages.Add(OutboxMessage.For(entry.Entity.Changed(entry.State == EntityState.Added ? entry.Entity.CreatedAt : now), now));
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(FollowupDbContext).Assembly);
        model.AddMessagingTables();
        model.AddWaitingEvents();
        model.KeyByStoreFirst();
        model.AddStoreMoves();
        model.AddStoreScope(this, typeof(FollowupStore));
        // A home consultant sees only the customers they are named on.
        model.Entity<FollowedCustomer>().HasQueryFilter(ConsultantFilter, c => Scope.ConsultantId == null || c.ConsultantId == Scope.ConsultantId);
    }
}
