using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Dispatch.Data.Configurations;

internal sealed class SettingsChangeConfiguration : IEntityTypeConfiguration<SettingsChange>
{
    public void Configure(EntityTypeBuilder<SettingsChange> change)
    {
        change.HasKey(c => c.Id);
        change.HasOne<DispatchStore>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        change.HasIndex(c => new { c.StoreId, c.At });
        change.Property(c => c.Changes).HasMaxLength(2000);
        change.Property(c => c.By).HasMaxLength(100);
    }
}
