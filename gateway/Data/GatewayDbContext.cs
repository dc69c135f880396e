using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Crm.Gateway.Data;

public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options)
    : IdentityUserContext<StaffUser, Guid>(options), IMessagingDbContext, IStoreCopies<StoreCopy>
{
    public DbSet<StoreCopy> Stores => Set<StoreCopy>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<StaffSession> Sessions => Set<StaffSession>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<RateLimitWindow> RateLimitWindows => Set<RateLimitWindow>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        model.AddMessagingTables();
    }
}
