using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class DesignerDutyConfiguration : IEntityTypeConfiguration<DesignerDuty>
{
    public void Configure(EntityTypeBuilder<DesignerDuty> duty)
    {
        duty.HasKey(d => new { d.DesignerId, d.Day });
        duty.HasOne<Designer>().WithMany().HasForeignKey(d => d.DesignerId).OnDelete(DeleteBehavior.Restrict);
        duty.HasIndex(d => new { d.StoreId, d.Day });
        duty.Property(d => d.RecordedBy).HasMaxLength(100);
    }
}
