namespace Crm.Messaging.Tests;

/// <summary>A service database reduced to one table: how often each store's event was applied.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<AppliedStore> AppliedStores => Set<AppliedStore>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<AppliedStore>().HasKey(s => s.StoreId);
        model.AddMessagingTables();
    }
}

public sealed class AppliedStore
{
    public Guid StoreId { get; init; }
    public int TimesApplied { get; set; }
}

/// <summary>Counts how often it applied each StoreOpened: once is right, whatever the deliveries.</summary>
public sealed class StoreOpenedRecorder(TestDbContext db, TimeProvider clock) : IdempotentConsumer<StoreOpened, TestDbContext>(db, clock)
{
    /// <summary>A store code that this consumer can never apply, to see a message fail for good.</summary>
    public const string Unappliable = "FAIL";

    protected override async Task HandleAsync(StoreOpened message, ConsumeContext<StoreOpened> context)
    {
        if (message.Code == Unappliable) throw new InvalidOperationException($"Store {message.StoreId} cannot be applied.");
        var applied = await Db.AppliedStores.FindAsync([message.StoreId], context.CancellationToken);
        if (applied is null) Db.AppliedStores.Add(new AppliedStore { StoreId = message.StoreId, TimesApplied = 1 });
        else applied.TimesApplied++;
    }
}
