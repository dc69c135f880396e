namespace Crm.Partners.Data;

/// <summary>
/// The partner service's database: partners and their keys, leads and how far they got, webhook deliveries and
/// their attempts, marketing's uploads, and copies of stores and customer progress from the other services' events.
/// Leads are not filtered by store: a partner sees the leads it sent, whatever their store (checked in each query).
/// </summary>
public sealed class PartnerDbContext(DbContextOptions<PartnerDbContext> options)
    : DbContext(options), IMessagingDbContext, IStoreCopies<PartnerStore>
{
    public DbSet<PartnerStore> Stores => Set<PartnerStore>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadStatusChange> LeadStatusChanges => Set<LeadStatusChange>();
    public DbSet<CustomerProgress> CustomerProgress => Set<CustomerProgress>();
    public DbSet<KnownPhone> KnownPhones => Set<KnownPhone>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportRowError> ImportRowErrors => Set<ImportRowError>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.ApplyConfigurationsFromAssembly(typeof(PartnerDbContext).Assembly);
        model.AddMessagingTables();
    }
}
