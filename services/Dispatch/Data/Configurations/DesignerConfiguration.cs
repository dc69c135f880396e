using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class DesignerConfiguration : IEntityTypeConfiguration<Designer>
{
    public void Configure(EntityTypeBuilder<Designer> designer)
    {
        designer.HasKey(d => d.Id);
        designer.HasOne<DispatchStore>().WithMany().HasForeignKey(d => d.StoreId).OnDelete(DeleteBehavior.Restrict);
        designer.HasIndex(d => d.StoreId);
        designer.Property(d => d.Name).HasMaxLength(100);
        designer.Property(d => d.Notes).HasMaxLength(TextLimits.Reason);
        designer.Property(d => d.Level).HasConversion<string>().HasMaxLength(20);
        designer.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
    }
}
