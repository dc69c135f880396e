using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class DesignerHistoryConfiguration : IEntityTypeConfiguration<DesignerHistory>
{
    public void Configure(EntityTypeBuilder<DesignerHistory> history)
    {
        history.ToTable("DesignerHistory");
        history.HasKey(h => h.Id);
        history.HasOne<Designer>().WithMany().HasForeignKey(h => h.DesignerId).OnDelete(DeleteBehavior.Restrict);
        history.HasIndex(h => new { h.DesignerId, h.At });
        history.Property(h => h.Action).HasMaxLength(30);
        history.Property(h => h.Details).HasMaxLength(1000);
        history.Property(h => h.Reason).HasMaxLength(TextLimits.Reason);
        history.Property(h => h.By).HasMaxLength(100);
    }
}
