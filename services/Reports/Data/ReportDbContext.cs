namespace Crm.Reports.Data;

/// <summary>
/// The reports service's read model: dated facts copied from the other services' events, never their current state
/// alone, so that a report of a past day answers the same later.
/// </summary>
public sealed class ReportDbContext(DbContextOptions<ReportDbContext> options, StoreScope scope)
    : DbContext(options), IMessagingDbContext, IStoreScopedDbContext, IStoreCopies<StoreCopy>
{
    public StoreScope Scope { get; } = scope;

    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<CustomerFact> Customers => Set<CustomerFact>();
    public DbSet<DispatchFact> Dispatches => Set<DispatchFact>();
    public DbSet<MilestoneFact> Milestones => Set<MilestoneFact>();
    public DbSet<CompletenessFact> Completeness => Set<CompletenessFact>();
    public DbSet<FollowUpFact> FollowUps => Set<FollowUpFact>();
    public DbSet<DesignerFact> Designers => Set<DesignerFact>();
    public DbSet<DutyFact> Duties => Set<DutyFact>();
    public DbSet<ProblemFact> Problems => Set<ProblemFact>();
    public DbSet<TaskFact> Tasks => Set<TaskFact>();
    public DbSet<TaskAssigneeFact> TaskAssignees => Set<TaskAssigneeFact>();
    public DbSet<FormVersionFact> FormVersions => Set<FormVersionFact>();
    public DbSet<StageMove> StageMoves => Set<StageMove>();
    public DbSet<CompletenessMove> CompletenessMoves => Set<CompletenessMove>();
    public DbSet<StageMonth> StageMonths => Set<StageMonth>();
    public DbSet<CompletenessMonth> CompletenessMonths => Set<CompletenessMonth>();
    public DbSet<WaitingEvent> WaitingEvents => Set<WaitingEvent>();
    public DbSet<LeadFact> Leads => Set<LeadFact>();
    public DbSet<DuplicateLeadFact> DuplicateLeads => Set<DuplicateLeadFact>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(ReportDbContext).Assembly);
        StoreCopy.Configure(model.Entity<StoreCopy>());
        model.AddMessagingTables();
        model.AddWaitingEvents();
        model.KeyByStoreFirst();
        model.AddStoreMoves();
        model.AddStoreScope(this, typeof(StoreCopy));
    }
}
