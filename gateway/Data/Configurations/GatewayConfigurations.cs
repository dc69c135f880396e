using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Crm.Gateway.Security;

namespace Crm.Gateway.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Property(u => u.Role).HasMaxLength(30);
        user.Property(u => u.CreatedBy).HasMaxLength(100);
        user.HasIndex(u => u.StoreId);
    }
}

internal sealed class StoreCopyConfiguration : IEntityTypeConfiguration<StoreCopy>
{
    public void Configure(EntityTypeBuilder<StoreCopy> store) => StoreCopy.Configure(store);
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.HasIndex(e => new { e.StoreId, e.At });
        entry.Property(e => e.UserId).HasMaxLength(50);
        entry.Property(e => e.Username).HasMaxLength(100);
        entry.Property(e => e.Role).HasMaxLength(30);
        entry.Property(e => e.Method).HasMaxLength(10);
        entry.Property(e => e.Path).HasMaxLength(500);
        entry.Property(e => e.RemoteAddress).HasMaxLength(60);
        entry.Property(e => e.TraceId).HasMaxLength(60);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> request)
    {
        request.HasKey(r => new { r.Caller, r.Key });
        request.Property(r => r.Caller).HasMaxLength(100);
        request.Property(r => r.Key).HasMaxLength(100);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.Property(r => r.ContentType).HasMaxLength(100);
        request.Property(r => r.Location).HasMaxLength(500);
    }
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.HasKey(s => s.Id);
        session.Property(s => s.TokenHash).HasMaxLength(64);
        session.HasIndex(s => s.TokenHash).IsUnique();
        session.HasIndex(s => s.UserId);
        session.Property(s => s.RemoteAddress).HasMaxLength(60);
        session.Property(s => s.EndReason).HasMaxLength(100);
    }
}

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> window)
    {
        // Counts of the last minute only: not worth the write-ahead log, and lost counts after a crash only restart a window.
        window.ToTable("RateLimitWindows").IsUnlogged();
        window.HasKey(w => w.Partition);
        window.Property(w => w.Partition).HasMaxLength(RateWindows.MaxPartitionLength);
        window.HasIndex(w => w.WindowStart);
    }
}
