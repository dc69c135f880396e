using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Customers.Data.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone)
    {
        milestone.HasKey(m => m.Id);
        milestone.HasIndex(m => new { m.CustomerId, m.At });
        // Reports count milestones of a store by type and day.
        milestone.HasIndex(m => new { m.StoreId, m.Type, m.At });
        milestone.Property(m => m.Type).HasConversion<string>().HasMaxLength(30);
        milestone.Property(m => m.DepositKind).HasConversion<string>().HasMaxLength(20);
        milestone.Property(m => m.Amount).HasPrecision(14, 2);
        milestone.Property(m => m.AreaM2).HasPrecision(9, 2);
        milestone.Property(m => m.Reason).HasMaxLength(MilestoneDraft.MaxReasonLength);
        milestone.Property(m => m.Competitor).HasMaxLength(BasicInfoRules.MaxNameLength);
        milestone.Property(m => m.RecordedBy).HasMaxLength(100);
        milestone.Property(m => m.RecordedByName).HasMaxLength(100);
    }
}
